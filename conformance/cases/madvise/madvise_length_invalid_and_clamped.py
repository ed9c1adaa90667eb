"""madvise() length: negative is ValueError, too large overflows, otherwise clamped to the map end."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

n = 2 * mmap.PAGESIZE
m = mmap.mmap(-1, n)
show("length -1", m.madvise, mmap.MADV_NORMAL, 0, -1)
show("length n + 1", m.madvise, mmap.MADV_NORMAL, 0, n + 1)
show("start PAGESIZE length n", m.madvise, mmap.MADV_NORMAL, mmap.PAGESIZE, n)
show("start PAGESIZE length 2**63-1", m.madvise, mmap.MADV_NORMAL, mmap.PAGESIZE, 2**63 - 1)
show("start 0 length 2**63-1", m.madvise, mmap.MADV_NORMAL, 0, 2**63 - 1)
show("length 2**63", m.madvise, mmap.MADV_NORMAL, 0, 2**63)
m.close()
