"""Data arguments take bytes-likes (bytes, bytearray, memoryview, array, mmap) and refuse str everywhere."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

import array
m = mmap.mmap(-1, 8)
m[:] = b"abcdefgh"
for label, v in (("bytes", b"cd"), ("bytearray", bytearray(b"cd")), ("memoryview", memoryview(b"cd")),
                 ("array", array.array("B", b"cd")), ("str", "cd"), ("int", 99)):
    show("find(%s)" % label, m.find, v)
    show("rfind(%s)" % label, m.rfind, v)
    m.seek(2)
    show("write(%s)" % label, m.write, v)
    show("m[2:4] = %s" % label, m.__setitem__, slice(2, 4), v)
    show("%s in m" % label, lambda: v in m)
m.close()
