"""m[i] = v requires 0 <= v <= 255; huge values overflow first."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 5)
for v in (0, 255, 256, -1, 1000, -256, 2**63, -2**63 - 1, 2**100):
    show("m[0] = %d" % v, m.__setitem__, 0, v)
show("m[0] = True", m.__setitem__, 0, True)
show("m[1] = Idx(66)", m.__setitem__, 1, Idx(66))
show("m[1] = Idx(300)", m.__setitem__, 1, Idx(300))
say("content", m[:])
