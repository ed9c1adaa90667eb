"""readline() takes no arguments (no size limit like file objects)."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 8)
m[:] = b"ab\ncd\nef"
show("readline(1)", m.readline, 1)
show("readline(-1)", m.readline, -1)
show("readline(None)", m.readline, None)
show("readline(size=1)", lambda: m.readline(size=1))
say("tell", m.tell())
m.close()
