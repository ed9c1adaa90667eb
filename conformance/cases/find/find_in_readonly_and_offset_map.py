"""find() works on ACCESS_READ maps and maps with an offset (indexes are map-relative)."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

g = mmap.ALLOCATIONGRANULARITY
path = make_file(b"x" * g + b"needle in haystack")
fd = open_fd(path)
m = mmap.mmap(fd, 0, offset=g, access=mmap.ACCESS_READ)
show("find(b'hay')", m.find, b"hay")
show("rfind(b'e')", m.rfind, b"e")
show("find(b'x')", m.find, b"x")
m.close()
