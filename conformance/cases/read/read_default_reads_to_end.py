"""read() with no argument, None or -1 reads from the position to the end and moves the position."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 10)
m[:] = b"0123456789"
m.seek(3)
show("read()", m.read)
say("tell", m.tell())
m.seek(5)
show("read(None)", m.read, None)
say("tell", m.tell())
m.seek(8)
show("read(-1)", m.read, -1)
say("tell", m.tell())
m.close()
