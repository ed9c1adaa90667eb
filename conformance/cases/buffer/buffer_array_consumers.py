"""array.frombytes(m) works; array('B', m) iterates the sequence and fails on bytes items."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

import array
m = mmap.mmap(-1, 4)
m[:] = b"\x01\x02\x03\x04"
a = array.array("B")
a.frombytes(m)
say("frombytes", a.tolist())
show("array('B', m)", lambda: array.array("B", m).tolist())
show("array('B', bytes(m))", lambda: array.array("B", bytes(m)).tolist())
show("list(memoryview(m))", lambda: list(memoryview(m)))
b = array.array("B", b"\x00" * 4)
show("memoryview(m)[:] = array", lambda: memoryview(m).__setitem__(slice(None), b))
say("map", m[:])
m.close()
