"""move() with count 0 does nothing and succeeds."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 4)
m[:] = b"abcd"
show("move(0, 3, 0)", m.move, 0, 3, 0)
show("move(4, 4, 0)", m.move, 4, 4, 0)
say("content", m[:])
m.close()
