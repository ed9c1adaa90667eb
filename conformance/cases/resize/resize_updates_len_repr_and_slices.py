"""len(), repr(), slicing and iteration follow the new size."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"abcd")
fd = open_fd(path)
m = mmap.mmap(fd, 0)
m.resize(6)
say("len", len(m))
say("repr", m)
say("m[-1]", m[-1])
say("list", list(m))
m.resize(2)
say("len", len(m))
say("repr", m)
say("m[-1]", m[-1])
say("m[:10]", m[:10])
show("m[2] = 1", m.__setitem__, 2, 1)
m.close()
