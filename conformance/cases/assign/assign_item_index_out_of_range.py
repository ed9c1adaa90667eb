"""m[i] = v with i out of range raises IndexError; a bad value on a bad index reports the index."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 5)
show("m[5] = 1", m.__setitem__, 5, 1)
show("m[-6] = 1", m.__setitem__, -6, 1)
show("m[2**63] = 1", m.__setitem__, 2**63, 1)
show("m[5] = b'x'", m.__setitem__, 5, b"x")
show("m[5] = 300", m.__setitem__, 5, 300)
show("m['a'] = 1", m.__setitem__, "a", 1)
show("m[1.5] = 1", m.__setitem__, 1.5, 1)
