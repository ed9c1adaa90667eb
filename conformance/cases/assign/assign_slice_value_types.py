"""Slice assignment accepts any bytes-like object (bytes, bytearray, memoryview, array, mmap) but not str, list, int."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

import array
m = mmap.mmap(-1, 4)
other = mmap.mmap(-1, 4)
other[:] = b"MMAP"
for label, v in (("bytes", b"abcd"), ("bytearray", bytearray(b"efgh")), ("memoryview", memoryview(b"ijkl")),
                 ("array('B')", array.array("B", b"mnop")), ("mmap", other), ("array('H') 2 items", array.array("H", [0x4241, 0x4443])),
                 ("str", "qrst"), ("list", [1, 2, 3, 4]), ("int", 4), ("None", None)):
    show("m[:] = %s" % label, m.__setitem__, slice(None), v)
    say("  content", m[:])
m.close(); other.close()
