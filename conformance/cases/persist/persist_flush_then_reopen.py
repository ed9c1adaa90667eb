"""Write, flush, close; reopening the file shows the data."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"\x00" * 16)
with open(path, "r+b") as f:
    m = mmap.mmap(f.fileno(), 0)
    m.write(b"persisted data!!")
    m.flush()
    m.close()
say("reopened", read_file(path))
fd = open_fd(path, os.O_RDONLY)
m = mmap.mmap(fd, 0, access=mmap.ACCESS_READ)
say("mapped again", m[:])
m.close()
