"""resize() of a map with an offset sets the file size to offset + new size."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

g = mmap.ALLOCATIONGRANULARITY
path = make_file(b"a" * g + b"0123456789")
fd = open_fd(path)
m = mmap.mmap(fd, 0, offset=g)
show("resize(20)", m.resize, 20)
say("file size - g", file_size(path) - g)
say("repr", m)
m[10:20] = b"ABCDEFGHIJ"
show("resize(5)", m.resize, 5)
say("file size - g", file_size(path) - g)
say("file tail", read_file(path)[g:])
show("size()", m.size)
m.close()
