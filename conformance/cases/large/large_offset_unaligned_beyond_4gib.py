"""An unaligned offset beyond 4 GiB still fails with EINVAL; an offset past the end fails with ValueError."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

g = mmap.ALLOCATIONGRANULARITY
size = 5 * 2**30
path = make_file(b"", size=size)
fd = open_fd(path)
show("offset 4GiB+1", mmap.mmap, fd, 16, offset=4 * 2**30 + 1)
show("offset == size", mmap.mmap, fd, 0, offset=size)
show("offset 6GiB", mmap.mmap, fd, 16, offset=6 * 2**30)
show("offset 5GiB-g, length g+1", mmap.mmap, fd, g + 1, offset=size - g)
m = show("offset 5GiB-g, length 0", mmap.mmap, fd, 0, offset=size - g)
say("len", len(m))
m.close()
