"""resize(0) on an anonymous private map."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 10, flags=mmap.MAP_PRIVATE | mmap.MAP_ANONYMOUS)
show("resize(0)", m.resize, 0)
say("repr", m)
show("len", len, m)
m.close()
