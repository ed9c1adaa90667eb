"""move() on ACCESS_READ raises TypeError, checked before range checks."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"abcd")
fd = open_fd(path)
m = mmap.mmap(fd, 0, access=mmap.ACCESS_READ)
show("move(0, 1, 1)", m.move, 0, 1, 1)
show("move(0, 100, 100)", m.move, 0, 100, 100)
show("move(0, 0, 0)", m.move, 0, 0, 0)
m.close()
m = mmap.mmap(fd, 0, access=mmap.ACCESS_COPY)
show("ACCESS_COPY move(0, 2, 2)", m.move, 0, 2, 2)
say("ACCESS_COPY content", m[:])
m.close()
say("file", read_file(path))
