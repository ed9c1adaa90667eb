"""An anonymous map accepts an aligned offset (reported by repr) and refuses an unaligned one."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

g = mmap.ALLOCATIONGRANULARITY
m = show("mmap(-1, 8, offset=g)", mmap.mmap, -1, 8, offset=g)
if m is not None:
    say("content", m[:])
    m.close()
show("mmap(-1, 8, offset=1)", mmap.mmap, -1, 8, offset=1)
