"""bool is an int: True/False work as positions, sizes and values."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 4)
m[:] = b"wxyz"
show("m[True]", m.__getitem__, True)
show("m[False] = True", m.__setitem__, False, True)
show("read(True)", m.read, True)
show("seek(True, True)", m.seek, True, True)
show("tell", m.tell)
show("find(b'y', True, True)", m.find, b"y", True, True)
show("write_byte(False)", m.write_byte, False)
show("move(True, False, True)", m.move, True, False, True)
show("flush(False, True)", m.flush, False, True)
say("content", m[:])
m.close()
