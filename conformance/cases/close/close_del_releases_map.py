"""Dropping the last reference unmaps silently; a new map of the same file works."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

import gc
path = make_file(b"drop me")
fd = open_fd(path)
m = mmap.mmap(fd, 0)
m[0:4] = b"DROP"
del m
gc.collect()
say("file", read_file(path))
m = mmap.mmap(fd, 0)
say("again", m[:])
m.close()
