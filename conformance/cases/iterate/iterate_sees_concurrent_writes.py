"""An iterator sees writes made during iteration; enumerate/zip/sorted work."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 4)
m[:] = b"abcd"
seen = []
for i, b in enumerate(m):
    seen.append(b)
    if i == 0:
        m[2] = ord("Z")
say("seen", seen)
say("zip", list(zip(m, b"ABCD")))
say("sorted", sorted(m))
say("set size", len(set(m)))
say("count b'Z'", list(m).count(b"Z"))
m.close()
