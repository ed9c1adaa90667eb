"""find/rfind on overlapping occurrences return the first/last start."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 7)
m[:] = b"aaaaaaa"
show("find(b'aaa')", m.find, b"aaa")
show("rfind(b'aaa')", m.rfind, b"aaa")
show("find(b'aaa', 5)", m.find, b"aaa", 5)
show("rfind(b'aaa', 0, 6)", m.rfind, b"aaa", 0, 6)
m.close()
