"""Anonymous maps of odd and page-multiple sizes report exactly the requested length."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

for n in (1, 7, mmap.PAGESIZE - 1, mmap.PAGESIZE, mmap.PAGESIZE + 1, 3 * mmap.PAGESIZE):
    m = mmap.mmap(-1, n)
    m[n - 1] = 0xAB
    say("n=%d len" % n, len(m))
    say("n=%d last" % n, m[n - 1])
    show("n=%d m[n]" % n, lambda: m[n])
    m.close()
