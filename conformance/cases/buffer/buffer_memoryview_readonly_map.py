"""A memoryview of an ACCESS_READ map is read-only; assignment raises TypeError."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"abcdef")
fd = open_fd(path)
m = mmap.mmap(fd, 0, access=mmap.ACCESS_READ)
mv = memoryview(m)
show("mv[0] = 1", mv.__setitem__, 0, 1)
show("mv[0:1] = b'x'", mv.__setitem__, slice(0, 1), b"x")
say("readonly", mv.readonly)
mv.release()
m.close()
