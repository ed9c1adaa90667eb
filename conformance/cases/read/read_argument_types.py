"""read() accepts int, None, __index__ and bool; refuses float, str, bytes and huge ints."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 10)
m[:] = b"0123456789"
show("read(Idx(2))", m.read, Idx(2))
show("read(True)", m.read, True)
show("read(False)", m.read, False)
for v in (1.0, "1", b"1", 2**63, -2**63 - 1, [1]):
    show("read(%r)" % (v,), m.read, v)
say("tell", m.tell())
show("read(1, 2)", m.read, 1, 2)
show("read(n=1)", lambda: m.read(n=1))
m.close()
