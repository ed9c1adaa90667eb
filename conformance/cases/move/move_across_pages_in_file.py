"""move() across page boundaries in a file map reaches the file."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

n = 2 * mmap.PAGESIZE
path = make_file(b"\x00" * n)
fd = open_fd(path)
m = mmap.mmap(fd, 0)
m[0:8] = b"ABCDEFGH"
m.move(mmap.PAGESIZE - 4, 0, 8)
m.flush()
m.close()
data = read_file(path)
say("around boundary", data[mmap.PAGESIZE - 6: mmap.PAGESIZE + 6])
