"""readline() starts at the current position, not at a line start."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 12)
m[:] = b"hello\nworld\n"
m.seek(3)
show("readline at 3", m.readline)
m.seek(5)
show("readline at 5 (on the newline)", m.readline)
m.seek(11)
show("readline at 11", m.readline)
say("tell", m.tell())
m.close()
