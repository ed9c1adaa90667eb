"""flush() with negative values or offset + size beyond the map raises ValueError."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"\x00" * 100)
fd = open_fd(path)
m = mmap.mmap(fd, 0)
for args in ((-1,), (0, -1), (0, 101), (101,), (101, 0), (100, 1), (50, 51), (-4096, 4096), (2**62, 0)):
    show("flush%r" % (args,), m.flush, *args)
show("flush(100, 0)", m.flush, 100, 0)
show("flush(0, 100)", m.flush, 0, 100)
m.close()
