"""A file descriptor that is not open fails with OSError EBADF."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"abc")
fd = os.open(path, os.O_RDWR)
os.close(fd)
show("closed fd, length 0", mmap.mmap, fd, 0)
show("closed fd, length 3", mmap.mmap, fd, 3)
show("fd 9999, length 3", mmap.mmap, 9999, 3)
show("fd -2, length 3", mmap.mmap, -2, 3)
