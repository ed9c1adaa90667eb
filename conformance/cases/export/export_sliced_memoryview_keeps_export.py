"""A slice of a memoryview keeps the export alive after the parent is released."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 8)
mv = memoryview(m)
sub = mv[2:4]
mv.release()
show("close() with sub-view alive", m.close)
sub.release()
show("close() after releasing sub-view", m.close)
say("closed", m.closed)
