"""m[i] returns an int for positive and negative indexes, and does not move the position."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 6)
m[:] = b"abcdef"
for i in (0, 1, 5, -1, -6):
    show("m[%d]" % i, m.__getitem__, i)
say("type(m[0])", type(m[0]).__name__)
say("tell", m.tell())
m.close()
