"""start/end must be ints (or __index__); None, float and str are refused; huge ints overflow."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 8)
m[:] = b"abcdefgh"
show("find(b'c', Idx(1), Idx(5))", m.find, b"c", Idx(1), Idx(5))
show("find(b'c', True)", m.find, b"c", True)
show("find(b'c', None)", m.find, b"c", None)
show("find(b'c', 0, None)", m.find, b"c", 0, None)
show("find(b'c', 1.0)", m.find, b"c", 1.0)
show("find(b'c', '1')", m.find, b"c", "1")
show("find(b'c', 2**63)", m.find, b"c", 2**63)
show("find(b'c', 0, 2**63)", m.find, b"c", 0, 2**63)
show("find(b'c', -2**63 - 1)", m.find, b"c", -2**63 - 1)
show("find(b'c', 2**63 - 1)", m.find, b"c", 2**63 - 1)
show("find(b'c', -2**63)", m.find, b"c", -2**63)
show("rfind(b'c', None)", m.rfind, b"c", None)
show("rfind(b'c', 2**63)", m.rfind, b"c", 2**63)
m.close()
