"""close() unmaps but does not change or delete the file; a file descriptor passed in stays open."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"persist")
fd = open_fd(path)
m = mmap.mmap(fd, 0)
m[0:1] = b"P"
m.close()
say("file", read_file(path))
show("os.fstat(fd).st_size", lambda: os.fstat(fd).st_size)
show("os.pread(fd, 3, 0)", os.pread, fd, 3, 0)
