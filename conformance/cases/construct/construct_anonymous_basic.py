"""mmap(-1, n): an anonymous map is zero-filled, has length n, pos 0."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 16)
say("len", len(m))
say("content", m[:])
say("tell", m.tell())
say("closed", m.closed)
say("repr", m)
say("type is mmap.mmap", type(m) is mmap.mmap)
m.close()
