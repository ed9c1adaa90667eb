"""write_byte() on ACCESS_READ raises TypeError."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"abc")
fd = open_fd(path)
m = mmap.mmap(fd, 0, access=mmap.ACCESS_READ)
show("write_byte(65)", m.write_byte, 65)
show("write_byte(300)", m.write_byte, 300)
m.seek(3)
show("write_byte(65) at end", m.write_byte, 65)
m.close()
