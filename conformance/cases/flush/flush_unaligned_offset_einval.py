"""flush() with an offset that is not page aligned fails in msync(2) with EINVAL."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

n = 2 * mmap.PAGESIZE
path = make_file(b"\x00" * n)
fd = open_fd(path)
m = mmap.mmap(fd, 0)
show("flush(1)", m.flush, 1)
show("flush(1, 1)", m.flush, 1, 1)
show("flush(PAGESIZE - 1, 1)", m.flush, mmap.PAGESIZE - 1, 1)
show("flush(100, 0)", m.flush, 100, 0)
m.close()
a = mmap.mmap(-1, n)
show("anonymous flush(1, 1)", a.flush, 1, 1)
a.close()
