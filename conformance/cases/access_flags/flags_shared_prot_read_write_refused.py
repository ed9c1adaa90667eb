"""flags=MAP_SHARED with prot=PROT_READ: item/slice assignment and write refused as read-only."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"shared ro")
fd = open_fd(path)
m = mmap.mmap(fd, 0, flags=mmap.MAP_SHARED, prot=mmap.PROT_READ)
show("m[0] = 1", m.__setitem__, 0, 1)
show("m[0:1] = b'x'", m.__setitem__, slice(0, 1), b"x")
show("write_byte", m.write_byte, 1)
show("move", m.move, 0, 1, 1)
show("memoryview readonly", lambda: memoryview(m).readonly)
m.close()
