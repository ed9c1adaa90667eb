"""flush() on ACCESS_READ/ACCESS_COPY returns None without syncing, even with an unaligned offset, but range checks still apply."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"\x00" * 100)
fd = open_fd(path)
for name in ("ACCESS_READ", "ACCESS_COPY"):
    m = mmap.mmap(fd, 0, access=getattr(mmap, name))
    show(name + " flush()", m.flush)
    show(name + " flush(1, 1)", m.flush, 1, 1)
    show(name + " flush(0, 101)", m.flush, 0, 101)
    show(name + " flush(-1)", m.flush, -1)
    m.close()
