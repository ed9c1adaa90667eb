"""A needle longer than the map (or than the window) is never found."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 4)
m[:] = b"abcd"
show("find(b'abcde')", m.find, b"abcde")
show("rfind(b'abcde')", m.rfind, b"abcde")
show("find(b'abcd')", m.find, b"abcd")
show("find(b'abcd', 1)", m.find, b"abcd", 1)
show("rfind(b'abcd', 0, 3)", m.rfind, b"abcd", 0, 3)
m.close()
