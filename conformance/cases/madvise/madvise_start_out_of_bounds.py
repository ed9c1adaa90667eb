"""madvise() start must satisfy 0 <= start < len, else ValueError."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

n = 2 * mmap.PAGESIZE
m = mmap.mmap(-1, n)
for start in (-1, n, n + mmap.PAGESIZE, -mmap.PAGESIZE, 2**62):
    show("madvise(MADV_NORMAL, %d)" % start, m.madvise, mmap.MADV_NORMAL, start)
show("madvise(MADV_NORMAL, n - PAGESIZE)", m.madvise, mmap.MADV_NORMAL, n - mmap.PAGESIZE)
m.close()
