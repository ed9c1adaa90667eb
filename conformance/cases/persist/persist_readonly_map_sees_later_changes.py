"""An ACCESS_READ map follows later changes made through a writable map of the same file."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"abcdef")
fd = open_fd(path)
ro = mmap.mmap(fd, 0, access=mmap.ACCESS_READ)
rw = mmap.mmap(fd, 0, access=mmap.ACCESS_WRITE)
rw[0:3] = b"XYZ"
say("ro", ro[:])
ro.close(); rw.close()
