"""read_byte() returns ints and advances; at the end it raises ValueError without moving."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 3)
m[:] = b"\x00\x7f\xff"
for i in range(4):
    show("read_byte #%d" % i, m.read_byte)
    say("  tell", m.tell())
show("read_byte(1)", m.read_byte, 1)
m.close()
