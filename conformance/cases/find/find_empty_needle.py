"""Finding b'' returns the (clamped) start position."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 6)
m[:] = b"abcdef"
show("find(b'')", m.find, b"")
m.seek(4)
show("find(b'') at pos 4", m.find, b"")
m.seek(6)
show("find(b'') at pos 6 (end)", m.find, b"")
show("find(b'', 2)", m.find, b"", 2)
show("find(b'', 2, 2)", m.find, b"", 2, 2)
show("find(b'', 6, 6)", m.find, b"", 6, 6)
show("find(b'', -1)", m.find, b"", -1)
show("rfind(b'')", m.rfind, b"")
show("rfind(b'', 0)", m.rfind, b"", 0)
show("rfind(b'', 0, 3)", m.rfind, b"", 0, 3)
show("rfind(b'', 2, 2)", m.rfind, b"", 2, 2)
m.close()
