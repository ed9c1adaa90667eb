"""Indexing a map made with an offset is relative to the offset."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

g = mmap.ALLOCATIONGRANULARITY
path = make_file(b"a" * g + b"XYZ")
fd = open_fd(path)
m = mmap.mmap(fd, 0, offset=g)
say("len", len(m))
show("m[0]", m.__getitem__, 0)
show("m[-1]", m.__getitem__, -1)
show("m[3]", m.__getitem__, 3)
m.close()
