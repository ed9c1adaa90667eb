"""offset + length beyond the file size is refused."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

g = mmap.ALLOCATIONGRANULARITY
path = make_file(b"q" * (g + 100))
fd = open_fd(path)
show("offset g length 101", mmap.mmap, fd, 101, offset=g)
m = show("offset g length 100", mmap.mmap, fd, 100, offset=g)
say("len", len(m))
m.close()
