"""Extended-slice assignment with positive and negative steps."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 8)
m[:] = b"........"
m[::2] = b"abcd"
say("m[::2]", m[:])
m[1::2] = b"1234"
say("m[1::2]", m[:])
m[::-1] = b"ABCDEFGH"
say("m[::-1]", m[:])
m[6:1:-3] = b"xy"
say("m[6:1:-3]", m[:])
m[::3] = bytearray(b"PQR")
say("m[::3] bytearray", m[:])
m.close()
