"""An offset that is not a multiple of ALLOCATIONGRANULARITY fails in mmap(2) with EINVAL."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

g = mmap.ALLOCATIONGRANULARITY
path = make_file(b"x" * (3 * g))
fd = open_fd(path)
for label, off in (("1", 1), ("g//2", g // 2), ("g-1", g - 1), ("g+1", g + 1), ("PAGESIZE+1", mmap.PAGESIZE + 1)):
    show("offset %s" % label, mmap.mmap, fd, 16, offset=off)
show("offset 1 length 0", mmap.mmap, fd, 0, offset=1)
