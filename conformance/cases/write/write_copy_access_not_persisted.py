"""write() on ACCESS_COPY changes the map only."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"original")
fd = open_fd(path)
m = mmap.mmap(fd, 0, access=mmap.ACCESS_COPY)
show("write", m.write, b"CHANGED!")
say("map", m[:])
m.close()
say("file", read_file(path))
