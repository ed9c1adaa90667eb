"""An offset that is a multiple of ALLOCATIONGRANULARITY maps from there."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

g = mmap.ALLOCATIONGRANULARITY
data = b"A" * g + b"B" * g + b"C" * 10
path = make_file(data)
fd = open_fd(path)
m = mmap.mmap(fd, 5, offset=g)
say("len", len(m))
say("content", m[:])
say("size", m.size())
say("repr", m)
m.close()
m = mmap.mmap(fd, 0, offset=2 * g)
say("length 0 offset 2g len", len(m))
say("length 0 offset 2g content", m[:])
say("repr", m)
m.close()
