"""ACCESS_READ: every mutating operation raises TypeError; nothing changes."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"readonly content")
fd = open_fd(path)
m = mmap.mmap(fd, 0, access=mmap.ACCESS_READ)
show("write", m.write, b"x")
show("write_byte", m.write_byte, 65)
show("setitem", m.__setitem__, 0, 65)
show("setslice", m.__setitem__, slice(0, 2), b"xy")
show("move", m.move, 0, 1, 2)
show("resize", m.resize, 4)
show("flush", m.flush)
say("content", m[:])
say("tell", m.tell())
say("repr", m)
m.close()
say("file", read_file(path))
