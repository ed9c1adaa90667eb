"""move(dest, src, count) copies count bytes; returns None; position unchanged."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 10)
m[:] = b"0123456789"
m.seek(3)
show("move(6, 0, 3)", m.move, 6, 0, 3)
say("content", m[:])
say("tell", m.tell())
m.close()
