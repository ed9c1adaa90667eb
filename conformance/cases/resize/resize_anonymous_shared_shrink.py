"""An anonymous MAP_SHARED (default) map can shrink; the data kept is intact. (Growing it and touching new pages would SIGBUS, so this case never grows it.)"""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 2 * mmap.PAGESIZE)
m[:4] = b"keep"
show("resize(4)", m.resize, 4)
say("content", m[:])
say("repr", m)
m.close()
