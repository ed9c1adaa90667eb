"""Iterating a map yields 1-byte bytes objects (not ints), without moving the position."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 4)
m[:] = b"ab\x00\xff"
items = list(m)
say("list(m)", items)
say("types", sorted({type(x).__name__ for x in items}))
say("b''.join", b"".join(m))
say("tell", m.tell())
m.close()
