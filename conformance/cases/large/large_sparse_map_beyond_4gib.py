"""Map a small window at an offset beyond 4 GiB of a sparse file, write, and read back with os.pread."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

g = mmap.ALLOCATIONGRANULARITY
size = 5 * 2**30
off = 4 * 2**30 + g
path = make_file(b"", size=size)
fd = open_fd(path)
m = mmap.mmap(fd, 64, offset=off)
say("repr", repr(m))
show("size()", m.size)
say("zeros", set(m[:]))
m[0:6] = b"beyond"
m.flush()
m.close()
say("pread", os.pread(fd, 6, off))
say("file size", file_size(path))
