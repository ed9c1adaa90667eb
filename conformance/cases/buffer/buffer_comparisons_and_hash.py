"""mmap objects compare by identity (not content), are hashable, and do not order."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 2)
m[:] = b"ab"
say("m == b'ab'", m == b"ab")
say("m != b'ab'", m != b"ab")
say("m == m", m == m)
show("m < b'b'", lambda: m < b"b")
show("hash(m) is int", lambda: isinstance(hash(m), int))
say("memoryview(m) == b'ab'", memoryview(m) == b"ab")
say("bytes(m) == b'ab'", bytes(m) == b"ab")
other = mmap.mmap(-1, 2)
other[:] = b"ab"
say("m == other (same content)", m == other)
m.close(); other.close()
