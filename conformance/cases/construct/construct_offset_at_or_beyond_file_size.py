"""offset equal to or beyond the file size is refused with ValueError."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

g = mmap.ALLOCATIONGRANULARITY
path = make_file(b"z" * g)
fd = open_fd(path)
show("length 0 offset == size", mmap.mmap, fd, 0, offset=g)
show("length 1 offset == size", mmap.mmap, fd, 1, offset=g)
show("length 0 offset 2*size", mmap.mmap, fd, 0, offset=2 * g)
show("length 1 offset 2*size", mmap.mmap, fd, 1, offset=2 * g)
