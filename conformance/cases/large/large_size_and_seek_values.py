"""size(), seek() and tell() handle positions larger than 2**32 in an offset map."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

g = mmap.ALLOCATIONGRANULARITY
size = 2**33
path = make_file(b"", size=size)
fd = open_fd(path)
m = mmap.mmap(fd, 2 * g, offset=2**32)
say("size()", m.size())
m.seek(0, 2)
say("tell at end", m.tell())
show("seek(2**32)", m.seek, 2**32)
say("repr", repr(m))
m.close()
