"""write() that does not fit raises ValueError and changes neither data nor position."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 6)
m[:] = b"abcdef"
m.seek(4)
show("write(b'xyz') at 4", m.write, b"xyz")
say("tell", m.tell())
say("content", m[:])
show("write(b'xy') at 4 (exact fit)", m.write, b"xy")
say("tell", m.tell())
show("write(b'') at end", m.write, b"")
show("write(b'z') at end", m.write, b"z")
say("tell", m.tell())
say("content", m[:])
m.seek(0)
show("write 7 bytes at 0", m.write, b"1234567")
say("content", m[:])
m.close()
