"""Slices return bytes: plain, open-ended, negative, stepped, reversed, empty."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 10)
m[:] = b"0123456789"
for s in (slice(2, 5), slice(None), slice(None, 3), slice(7, None), slice(-3, None), slice(None, -7),
          slice(None, None, 2), slice(1, None, 3), slice(None, None, -1), slice(8, 2, -2),
          slice(5, 2), slice(5, 5), slice(-1, -4, -1)):
    show("m[%r:%r:%r]" % (s.start, s.stop, s.step), m.__getitem__, s)
say("type", type(m[1:3]).__name__)
say("tell", m.tell())
m.close()
