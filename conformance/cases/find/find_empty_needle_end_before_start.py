"""Empty needle with end < start: -1 on fixed interpreters; Debian 3.11.2 (bug fixed in 3.11.5) returns start for find() and end for rfind()."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 10)
m[:] = b"0123456789"
show("find(b'', 5, 2)", m.find, b"", 5, 2)
show("find(b'', 5, 4)", m.find, b"", 5, 4)
show("find(b'', -1, -5)", m.find, b"", -1, -5)
show("rfind(b'', 5, 2)", m.rfind, b"", 5, 2)
show("rfind(b'', 8, 0)", m.rfind, b"", 8, 0)
m.seek(7)
show("find(b'', 7, 3) at pos 7", m.find, b"", 7, 3)
show("find(b'x', 5, 2)", m.find, b"x", 5, 2)
show("find(b'3', 5, 2)", m.find, b"3", 5, 2)
m.close()
