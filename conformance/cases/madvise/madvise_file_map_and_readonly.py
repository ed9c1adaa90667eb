"""madvise() works on file maps, ACCESS_READ maps and maps with an offset."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

g = mmap.ALLOCATIONGRANULARITY
path = make_file(b"m" * (2 * g))
fd = open_fd(path)
m = mmap.mmap(fd, 0, access=mmap.ACCESS_READ)
show("ACCESS_READ madvise(MADV_SEQUENTIAL)", m.madvise, mmap.MADV_SEQUENTIAL)
show("ACCESS_READ madvise(MADV_DONTNEED)", m.madvise, mmap.MADV_DONTNEED)
say("content intact", set(m[:]))
m.close()
m = mmap.mmap(fd, 0, offset=g)
show("offset map madvise(MADV_WILLNEED, 0, 10)", m.madvise, mmap.MADV_WILLNEED, 0, 10)
m.close()
