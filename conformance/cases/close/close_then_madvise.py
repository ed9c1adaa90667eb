"""After close(), madvise() raises ValueError."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"line one\nline two\n")
fd = open_fd(path)
m = mmap.mmap(fd, 0)
m.seek(3)
m.close()
show("madvise(MADV_NORMAL)", m.madvise, mmap.MADV_NORMAL)
show("madvise(MADV_NORMAL, -1)", m.madvise, mmap.MADV_NORMAL, -1)
show("madvise(\"x\")", m.madvise, "x")
