"""tell() after each position-moving operation (read, read_byte, readline, write, write_byte, seek)."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 12)
m[:] = b"line1\nline2\n"
say("start", m.tell())
m.readline(); say("readline", m.tell())
m.read(2); say("read(2)", m.tell())
m.read_byte(); say("read_byte", m.tell())
m.write(b"X"); say("write 1", m.tell())
m.write_byte(0x59); say("write_byte", m.tell())
m.find(b"2"); say("find (no move)", m.tell())
m[0:2]; say("slice (no move)", m.tell())
m.flush(); say("flush (no move)", m.tell())
m.move(0, 1, 2); say("move (no move)", m.tell())
show("tell(1)", m.tell, 1)
m.close()
