"""Writes through a map with an offset land at offset + index in the file."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

g = mmap.ALLOCATIONGRANULARITY
path = make_file(b"\x00" * (2 * g))
fd = open_fd(path)
m = mmap.mmap(fd, 16, offset=g)
m[0:5] = b"START"
m[-3:] = b"END"
m.close()
data = read_file(path)
say("before offset", data[g - 4:g])
say("at offset", data[g:g + 16])
say("rest zero", set(data[g + 16:]))
