"""flush(offset, size) with page-aligned offsets, size 0, and the whole length."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

n = 3 * mmap.PAGESIZE
path = make_file(b"\x00" * n)
fd = open_fd(path)
m = mmap.mmap(fd, 0)
m[mmap.PAGESIZE] = 1
show("flush(0)", m.flush, 0)
show("flush(PAGESIZE)", m.flush, mmap.PAGESIZE)
show("flush(PAGESIZE, 1)", m.flush, mmap.PAGESIZE, 1)
show("flush(0, 0)", m.flush, 0, 0)
show("flush(0, n)", m.flush, 0, n)
show("flush(2*PAGESIZE, PAGESIZE)", m.flush, 2 * mmap.PAGESIZE, mmap.PAGESIZE)
show("flush(n, 0)", m.flush, n, 0)
show("flush(Idx(0), Idx(1))", m.flush, Idx(0), Idx(1))
m.close()
