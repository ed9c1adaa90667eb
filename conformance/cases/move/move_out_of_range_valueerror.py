"""move() with src/dest + count beyond the end, or negative values, raises ValueError."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 10)
m[:] = b"0123456789"
for args in ((0, 5, 6), (5, 0, 6), (10, 0, 1), (0, 10, 1), (11, 0, 0), (0, 11, 0), (-1, 0, 1), (0, -1, 1), (0, 0, -1),
             (2**62, 0, 1), (0, 0, 2**62)):
    show("move%r" % (args,), m.move, *args)
say("content", m[:])
show("move(10, 0, 0)", m.move, 10, 0, 0)
show("move(0, 10, 0)", m.move, 0, 10, 0)
show("move(0, 0, 10)", m.move, 0, 0, 10)
m.close()
