"""find(sub, start, end): the match must lie completely within [start, end)."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 12)
m[:] = b"abcabcabcabc"
for args in ((b"abc", 0, 3), (b"abc", 0, 2), (b"abc", 1, 6), (b"abc", 1, 5), (b"abc", 3), (b"abc", 4),
             (b"c", 0, 3), (b"c", 0, 2), (b"abc", 9, 12), (b"abc", 9, 11), (b"abc", 12), (b"abc", 5, 5)):
    show("find%r" % (args,), m.find, *args)
m.close()
