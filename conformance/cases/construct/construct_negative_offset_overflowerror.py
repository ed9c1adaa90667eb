"""A negative offset is an OverflowError."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"abc")
fd = open_fd(path)
show("file offset -1", mmap.mmap, fd, 0, offset=-1)
show("file offset -4096", mmap.mmap, fd, 1, offset=-mmap.ALLOCATIONGRANULARITY)
show("anon offset -1", mmap.mmap, -1, 10, offset=-1)
