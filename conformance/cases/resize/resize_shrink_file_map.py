"""resize() to a smaller size truncates the file."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"abcdefghij")
fd = open_fd(path)
m = mmap.mmap(fd, 0)
show("resize(4)", m.resize, 4)
say("len", len(m))
say("content", m[:])
show("size()", m.size)
say("file", read_file(path))
show("m[4]", m.__getitem__, 4)
m.close()
