"""resize() a map of a small file to just over 4 GiB and back (sparse), writing near the end."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"small")
fd = open_fd(path)
m = mmap.mmap(fd, 0)
big = 2**32 + 10
show("resize(2**32 + 10)", m.resize, big)
say("len", len(m))
say("file size", file_size(path))
m[big - 1] = 0x21
say("m[:5]", m[:5])
m.flush(2**32, 10)
say("pread last", os.pread(fd, 1, big - 1))
show("resize(5)", m.resize, 5)
say("file size", file_size(path))
say("content", m[:])
m.close()
