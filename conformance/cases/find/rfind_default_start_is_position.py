"""rfind() without start also searches only from the current position."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 12)
m[:] = b"abcabcabcabc"
show("rfind(b'abc') at pos 0", m.rfind, b"abc")
m.seek(4)
show("rfind(b'abc') at pos 4", m.rfind, b"abc")
m.seek(10)
show("rfind(b'abc') at pos 10", m.rfind, b"abc")
show("rfind(b'abc', 0) at pos 10", m.rfind, b"abc", 0)
show("rfind(b'a') at pos 10", m.rfind, b"a")
say("tell", m.tell())
m.close()
