"""close() with a live memoryview raises BufferError and leaves the map open and usable."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 4)
mv = memoryview(m)
show("close()", m.close)
say("closed", m.closed)
m[0] = 65
say("mv[0]", mv[0])
mv.release()
show("close() after release", m.close)
say("closed", m.closed)
