"""write_byte() argument: 0..255 (C unsigned char); other values and types are refused."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 4)
for v in (256, -1, 1000, -129, 2**63, Idx(67), b"a", "a", 1.0, None):
    show("write_byte(%r)" % (v,), m.write_byte, v)
say("tell", m.tell())
say("content", m[:])
show("write_byte()", m.write_byte)
show("write_byte(1, 2)", m.write_byte, 1, 2)
show("write_byte(byte=1)", lambda: m.write_byte(byte=1))
m.close()
