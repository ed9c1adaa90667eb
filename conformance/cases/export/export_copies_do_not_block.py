"""bytes(m), bytearray(m), m[:], read() make copies and never block close()."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 4)
m[:] = b"copy"
a = bytes(m)
b = bytearray(m)
c = m[:]
d = m.read()
show("close()", m.close)
say("copies", (a, b, c, d))
