"""madvise() with an unknown advice value fails with OSError EINVAL."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, mmap.PAGESIZE)
show("madvise(12345)", m.madvise, 12345)
show("madvise(-1)", m.madvise, -1)
show("madvise(2**31)", m.madvise, 2**31)
show("madvise(1.0)", m.madvise, 1.0)
show("madvise()", m.madvise)
show("madvise(0, 0, 0, 0)", m.madvise, 0, 0, 0, 0)
show("madvise(option=0)", lambda: m.madvise(option=0))
m.close()
