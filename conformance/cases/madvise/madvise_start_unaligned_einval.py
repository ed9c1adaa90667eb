"""madvise() with a start that is not page aligned fails with OSError EINVAL."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 2 * mmap.PAGESIZE)
show("madvise(MADV_NORMAL, 1)", m.madvise, mmap.MADV_NORMAL, 1)
show("madvise(MADV_NORMAL, 1, 1)", m.madvise, mmap.MADV_NORMAL, 1, 1)
show("madvise(MADV_NORMAL, PAGESIZE + 1, 10)", m.madvise, mmap.MADV_NORMAL, mmap.PAGESIZE + 1, 10)
m.close()
