"""m[a:b] = data of a different length raises IndexError and changes nothing."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 6)
m[:] = b"abcdef"
show("m[0:3] = 2 bytes", m.__setitem__, slice(0, 3), b"xy")
show("m[0:3] = 4 bytes", m.__setitem__, slice(0, 3), b"wxyz")
show("m[:] = 7 bytes", m.__setitem__, slice(None), b"1234567")
show("m[4:2] = 1 byte", m.__setitem__, slice(4, 2), b"x")
show("m[::2] = 2 bytes", m.__setitem__, slice(None, None, 2), b"xy")
say("content", m[:])
m.close()
