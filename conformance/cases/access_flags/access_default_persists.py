"""ACCESS_DEFAULT on a read-write fd: shared, writable, persisted."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"abcdef")
fd = open_fd(path)
m = mmap.mmap(fd, 0)
say("repr", m)
m[:] = b"ABCDEF"
m.close()
say("file", read_file(path))
