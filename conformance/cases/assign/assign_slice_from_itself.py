"""Assigning a slice of the map to another (overlapping) slice of the same map."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 8)
m[:] = b"01234567"
m[0:4] = m[4:8]
say("from bytes slice", m[:])
m[:] = b"01234567"
mv = memoryview(m)
m[2:6] = mv[0:4]
say("overlapping memoryview", m[:])
m[:] = b"01234567"
m[1:5] = mv[3:7]
say("overlapping memoryview backwards", m[:])
mv.release()
m.close()
