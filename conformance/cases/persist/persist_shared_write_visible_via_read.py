"""A shared map's writes are visible to os.read/os.pread on another descriptor even before flush()."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"aaaaaaaaaa")
fd = open_fd(path)
m = mmap.mmap(fd, 0)
m[2:6] = b"BBBB"
other = open_fd(path, os.O_RDONLY)
say("pread before flush", os.pread(other, 10, 0))
m.flush()
say("pread after flush", os.pread(other, 10, 0))
m.close()
