"""Positions in a map with an offset start at 0 (not at the file offset)."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

g = mmap.ALLOCATIONGRANULARITY
path = make_file(b"a" * g + b"0123456789")
fd = open_fd(path)
m = mmap.mmap(fd, 0, offset=g)
say("tell", m.tell())
m.seek(0, 2)
say("seek end", m.tell())
show("seek(11)", m.seek, 11)
m.seek(2)
show("read(3)", m.read, 3)
say("repr", m)
m.close()
