"""flags=MAP_PRIVATE (access stays ACCESS_DEFAULT): writes work but do not reach the file."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"private file")
fd = open_fd(path)
m = mmap.mmap(fd, 0, flags=mmap.MAP_PRIVATE)
say("repr", m)
m[:7] = b"PRIVATE"
say("map", m[:])
show("flush", m.flush)
show("flush(0, 4096)", m.flush, 0, 4096)
show("resize(20)", m.resize, 20)
say("len", len(m))
m.close()
say("file", read_file(path))
say("file size", file_size(path))
