"""find() without start searches from the current position, not from 0."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 12)
m[:] = b"abcabcabcabc"
show("find(b'abc') at pos 0", m.find, b"abc")
m.seek(1)
show("find(b'abc') at pos 1", m.find, b"abc")
m.seek(7)
show("find(b'abc') at pos 7", m.find, b"abc")
show("find(b'a') at pos 7", m.find, b"a")
m.seek(10)
show("find(b'abc') at pos 10", m.find, b"abc")
show("find(b'abc', 0) at pos 10", m.find, b"abc", 0)
say("tell (unchanged)", m.tell())
m.close()
