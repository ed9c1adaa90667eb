"""read(n) for n = 0, 1, remaining, more than remaining, and other negative values."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 10)
m[:] = b"0123456789"
show("read(0)", m.read, 0)
say("tell", m.tell())
show("read(1)", m.read, 1)
show("read(3)", m.read, 3)
say("tell", m.tell())
show("read(100)", m.read, 100)
say("tell", m.tell())
m.seek(2)
show("read(-5)", m.read, -5)
say("tell", m.tell())
m.seek(4)
show("read(-2**63)", m.read, -2**63)
say("tell", m.tell())
m.seek(6)
show("read(2**63 - 1)", m.read, 2**63 - 1)
say("tell", m.tell())
m.close()
