"""A write-only fd cannot be mapped (mmap needs read permission)."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"write only")
fd = open_fd(path, os.O_WRONLY)
show("default", mmap.mmap, fd, 0)
show("ACCESS_READ", mmap.mmap, fd, 0, access=mmap.ACCESS_READ)
show("ACCESS_WRITE", mmap.mmap, fd, 0, access=mmap.ACCESS_WRITE)
show("ACCESS_COPY", mmap.mmap, fd, 0, access=mmap.ACCESS_COPY)
