"""Interleaved write/read/seek keep one shared position."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 8)
m.write(b"ab")
show("read(2)", m.read, 2)
m.write(b"EF")
m.seek(-2, 1)
show("read(2) after seek back", m.read, 2)
m.write_byte(0x47)
show("read_byte", m.read_byte)
say("tell", m.tell())
say("content", m[:])
m.close()
