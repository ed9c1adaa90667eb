"""move() needs exactly three int arguments; other types and huge ints are refused."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 4)
m[:] = b"abcd"
show("move(Idx(0), Idx(2), Idx(2))", m.move, Idx(0), Idx(2), Idx(2))
say("content", m[:])
show("move(True, False, True)", m.move, True, False, True)
say("content", m[:])
show("move(0.0, 1, 1)", m.move, 0.0, 1, 1)
show("move(0, None, 1)", m.move, 0, None, 1)
show("move(0, 1, '1')", m.move, 0, 1, "1")
show("move(0, 1)", m.move, 0, 1)
show("move(0, 1, 1, 1)", m.move, 0, 1, 1, 1)
show("move(2**64, 0, 1)", m.move, 2**64, 0, 1)
show("move(0, 0, 2**63)", m.move, 0, 0, 2**63)
show("move(dest=0, src=1, count=1)", lambda: m.move(dest=0, src=1, count=1))
m.close()
