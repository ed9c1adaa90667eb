"""resize() to a larger size extends the file with zero bytes and the map with it."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"abcdef")
fd = open_fd(path)
m = mmap.mmap(fd, 0)
show("resize(10)", m.resize, 10)
say("len", len(m))
say("content", m[:])
show("size()", m.size)
say("file size", file_size(path))
m[6:10] = b"WXYZ"
m.close()
say("file", read_file(path))
