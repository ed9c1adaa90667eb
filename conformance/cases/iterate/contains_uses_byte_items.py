"""The in operator compares against 1-byte bytes items: b'a' in m is True, 97 and b'ab' are not found."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 4)
m[:] = b"abcd"
for label, needle in (("b'a'", b"a"), ("b'd'", b"d"), ("b'z'", b"z"), ("97", 97), ("b'ab'", b"ab"), ("b''", b""),
                      ("'a'", "a"), ("bytearray(b'a')", bytearray(b"a")), ("memoryview(b'a')", memoryview(b"a")),
                      ("None", None)):
    show("%s in m" % label, lambda: needle in m)
say("tell", m.tell())
m.close()
