"""read() of a multi-page map returns exactly the map's bytes."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

n = 3 * mmap.PAGESIZE + 5
m = mmap.mmap(-1, n)
data = bytes(i % 253 for i in range(n))
m[:] = data
m.seek(mmap.PAGESIZE - 2)
chunk = m.read(5)
say("chunk", chunk)
say("tell", m.tell())
rest = m.read()
say("rest ok", rest == data[mmap.PAGESIZE + 3:])
say("rest len", len(rest))
m.close()
