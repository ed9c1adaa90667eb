"""move() with overlapping ranges behaves like memmove (both directions)."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 10)
m[:] = b"0123456789"
m.move(2, 0, 6)
say("forward overlap move(2, 0, 6)", m[:])
m[:] = b"0123456789"
m.move(0, 2, 6)
say("backward overlap move(0, 2, 6)", m[:])
m[:] = b"0123456789"
m.move(3, 3, 4)
say("same place move(3, 3, 4)", m[:])
m.close()
