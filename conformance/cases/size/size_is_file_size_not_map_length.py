"""size() returns the file size (fstat), not the mapped length."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"x" * 100)
fd = open_fd(path)
m = mmap.mmap(fd, 10)
show("size()", m.size)
say("len", len(m))
m.close()
g = mmap.ALLOCATIONGRANULARITY
path2 = make_file(b"y" * (g + 5))
fd2 = open_fd(path2)
m = mmap.mmap(fd2, 0, offset=g)
show("offset map size()", m.size)
say("offset map len", len(m))
m.close()
