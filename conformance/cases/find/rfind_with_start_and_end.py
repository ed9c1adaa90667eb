"""rfind(sub, start, end) returns the highest index of a match inside [start, end)."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 12)
m[:] = b"abcabcabcabc"
for args in ((b"abc",), (b"abc", 0, 11), (b"abc", 0, 12), (b"abc", 0, 3), (b"abc", 0, 2), (b"b", -5), (b"b", -5, -3),
             (b"b", -100, -100), (b"c", 0, 100), (b"zz",), (b"abcabcabcabca",), (b"", 0, 100), (b"", -3)):
    show("rfind%r" % (args,), m.rfind, *args)
m.close()
