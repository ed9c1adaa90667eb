"""An anonymous MAP_PRIVATE map can grow (new bytes are zero) and shrink, keeping its content."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 8, flags=mmap.MAP_PRIVATE | mmap.MAP_ANONYMOUS)
m[:] = b"abcdefgh"
show("resize(3 * PAGESIZE)", m.resize, 3 * mmap.PAGESIZE)
say("len", len(m))
say("head", m[:10])
say("nonzero after head", any(m[8:]))
m[-1] = 0x5A
show("resize(4)", m.resize, 4)
say("content", m[:])
show("size()", m.size)
m.close()
