"""Mapping an empty file (length 0 or not) fails with ValueError."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"")
fd = open_fd(path)
show("length 0", mmap.mmap, fd, 0)
show("length 1", mmap.mmap, fd, 1)
show("length 0 ACCESS_READ", mmap.mmap, fd, 0, access=mmap.ACCESS_READ)
show("length 0 ACCESS_COPY", mmap.mmap, fd, 0, access=mmap.ACCESS_COPY)
say("file size after", file_size(path))
