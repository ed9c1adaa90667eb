"""Mapping a directory descriptor fails."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

fd = open_fd(tmpdir(), os.O_RDONLY)
show("length 0", mmap.mmap, fd, 0, access=mmap.ACCESS_READ)
show("length 10", mmap.mmap, fd, 10, access=mmap.ACCESS_READ)
