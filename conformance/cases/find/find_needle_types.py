"""find()/rfind() accept bytes-like needles (bytes, bytearray, memoryview, array, mmap), refuse str and int."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

import array
m = mmap.mmap(-1, 8)
m[:] = b"abcdefgh"
other = mmap.mmap(-1, 2)
other[:] = b"ef"
for label, needle in (("bytearray", bytearray(b"cd")), ("memoryview", memoryview(b"de")), ("array", array.array("B", b"gh")),
                      ("mmap", other), ("str", "ab"), ("int", 98), ("None", None), ("list", [97])):
    show("find(%s)" % label, m.find, needle)
    show("rfind(%s)" % label, m.rfind, needle)
m.close(); other.close()
