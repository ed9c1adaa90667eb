"""madvise(option) over the whole map, and with start/length, returns None."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

n = 4 * mmap.PAGESIZE
m = mmap.mmap(-1, n)
for name in ("MADV_NORMAL", "MADV_RANDOM", "MADV_SEQUENTIAL", "MADV_WILLNEED"):
    show("madvise(%s)" % name, m.madvise, getattr(mmap, name))
show("madvise(MADV_NORMAL, PAGESIZE)", m.madvise, mmap.MADV_NORMAL, mmap.PAGESIZE)
show("madvise(MADV_NORMAL, PAGESIZE, PAGESIZE)", m.madvise, mmap.MADV_NORMAL, mmap.PAGESIZE, mmap.PAGESIZE)
show("madvise(MADV_NORMAL, 0, 0)", m.madvise, mmap.MADV_NORMAL, 0, 0)
say("tell", m.tell())
m.close()
