"""seek() position must be an int (or __index__); floats, None, str refused; huge values overflow."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 10)
show("seek(Idx(4))", m.seek, Idx(4))
say("tell", m.tell())
show("seek(True)", m.seek, True)
say("tell", m.tell())
for v in (1.0, None, "1", 2**63, -2**63 - 1):
    show("seek(%r)" % (v,), m.seek, v)
show("seek(2**63 - 1)", m.seek, 2**63 - 1)
show("seek(-2**63)", m.seek, -2**63)
show("seek(2**63 - 1, 1)", m.seek, 2**63 - 1, 1)
show("seek(-2**63, 2)", m.seek, -2**63, 2)
say("tell", m.tell())
show("seek()", m.seek)
show("seek(1, 0, 0)", m.seek, 1, 0, 0)
show("seek(pos=1)", lambda: m.seek(pos=1))
m.close()
