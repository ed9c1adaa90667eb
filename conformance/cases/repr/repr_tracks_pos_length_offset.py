"""repr() follows the position, length (after resize) and shows the offset."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

g = mmap.ALLOCATIONGRANULARITY
path = make_file(b"a" * g + b"0123456789")
fd = open_fd(path)
m = mmap.mmap(fd, 0, offset=g)
say("fresh", repr(m))
m.read(4)
say("after read(4)", repr(m))
m.seek(0, 2)
say("at end", repr(m))
m.resize(20)
say("after resize(20)", repr(m))
m.resize(3)
say("after resize(3), pos beyond end", repr(m))
m.close()
say("closed", repr(m))
