"""read() returns an independent bytes object: later writes to the map do not change it."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 4)
m[:] = b"abcd"
r = m.read(4)
m[:] = b"WXYZ"
say("read result", r)
say("type", type(r).__name__)
say("slice result type", type(m[0:2]).__name__)
m.close()
