"""ACCESS_WRITE: changes reach the file."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"0123456789")
fd = open_fd(path)
m = mmap.mmap(fd, 0, access=mmap.ACCESS_WRITE)
say("repr", m)
m[0] = ord("A")
m[1:3] = b"BC"
m.seek(5)
m.write(b"XY")
m.write_byte(ord("Z"))
m.move(8, 0, 2)
show("flush", m.flush)
m.close()
say("file", read_file(path))
