"""Negative start/end count from the end; values below -len clamp to 0."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 10)
m[:] = b"0123456789"
for args in ((b"8", -3), (b"6", -3), (b"5", -5, -4), (b"5", -5, -5), (b"0", -100), (b"0", -100, 1),
             (b"9", 0, -1), (b"8", 0, -1), (b"0", 0, -100), (b"", -3), (b"", -100, -100)):
    show("find%r" % (args,), m.find, *args)
m.close()
