"""Non-integer indexes (str, float, None, bytes, tuple) raise TypeError."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 6)
for key in ("a", 1.0, None, b"\x00", (1,), [1]):
    show("m[%r]" % (key,), m.__getitem__, key)
