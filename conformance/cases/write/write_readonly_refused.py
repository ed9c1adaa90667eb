"""write() on ACCESS_READ raises TypeError (even for empty data)."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"abcdef")
fd = open_fd(path)
m = mmap.mmap(fd, 0, access=mmap.ACCESS_READ)
show("write(b'x')", m.write, b"x")
show("write(b'')", m.write, b"")
show("write('str')", m.write, "str")
show("write(b'x' * 100)", m.write, b"x" * 100)
say("tell", m.tell())
m.close()
