"""read() at the end returns b'' (for any n) and leaves the position at the end."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 4)
m.seek(4)
show("read()", m.read)
show("read(1)", m.read, 1)
show("read(0)", m.read, 0)
show("read(-1)", m.read, -1)
say("tell", m.tell())
m.close()
