"""write_byte(int) stores one byte, advances, and returns None."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 4)
show("write_byte(0x41)", m.write_byte, 0x41)
show("write_byte(0)", m.write_byte, 0)
show("write_byte(255)", m.write_byte, 255)
show("write_byte(True)", m.write_byte, True)
say("tell", m.tell())
say("content", m[:])
show("write_byte(66) at end", m.write_byte, 66)
say("tell", m.tell())
m.close()
