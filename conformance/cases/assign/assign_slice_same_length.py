"""m[a:b] = bytes of the same length; empty slice assignment; position unchanged."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 10)
m[:] = b"0123456789"
m[2:5] = b"abc"
say("after m[2:5]", m[:])
m[-2:] = b"YZ"
say("after m[-2:]", m[:])
m[4:4] = b""
say("after empty", m[:])
m[8:100] = b"!?"
say("after clamped m[8:100]", m[:])
say("tell", m.tell())
m.close()
