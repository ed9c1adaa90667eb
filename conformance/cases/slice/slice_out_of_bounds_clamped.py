"""Slice bounds beyond the map are clamped, including huge ones."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 5)
m[:] = b"abcde"
for s in (slice(3, 100), slice(-100, 2), slice(100, 200), slice(-200, -100),
          slice(-2**70, 2**70), slice(2**63, None), slice(None, None, 2**63), slice(None, None, -2**63)):
    show("m[%r:%r:%r]" % (s.start, s.stop, s.step), m.__getitem__, s)
m.close()
