"""repr() of a closed map is short: only closed=True."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 4)
m.close()
say("repr", repr(m))
with mmap.mmap(-1, 4) as m2:
    pass
say("after with", repr(m2))
