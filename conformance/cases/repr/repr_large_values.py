"""repr() with a multi-page length and large position."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

n = 5 * mmap.PAGESIZE + 3
m = mmap.mmap(-1, n)
m.seek(n - 1)
say("repr", repr(m))
m.close()
