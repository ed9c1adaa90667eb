"""m[i] = non-int (bytes, str, float, None) raises TypeError."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 5)
for v in (b"a", "a", 1.0, None, bytearray(b"a"), [1]):
    show("m[0] = %r" % (v,), m.__setitem__, 0, v)
say("content", m[:])
