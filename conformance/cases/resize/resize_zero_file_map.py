"""resize(0) on a file map: mremap(2) refuses size 0 (EINVAL) but the file was already truncated to 0. The map's bytes must NOT be touched until it is resized again (that would SIGBUS); resizing back to 3 gives zeros."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"abcdef")
fd = open_fd(path)
m = mmap.mmap(fd, 0)
show("resize(0)", m.resize, 0)
say("repr", m)
say("file size", file_size(path))
show("len", len, m)
show("size()", m.size)
show("resize(3)", m.resize, 3)
say("repr", m)
say("content", m[:])
say("file", read_file(path))
m.close()
