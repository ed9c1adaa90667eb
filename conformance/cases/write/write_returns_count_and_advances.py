"""write() returns the number of bytes written and advances the position."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 10)
show("write(b'abc')", m.write, b"abc")
say("tell", m.tell())
show("write(b'')", m.write, b"")
say("tell", m.tell())
show("write(b'defg')", m.write, b"defg")
say("tell", m.tell())
say("content", m[:])
m.close()
