"""A negative length is an OverflowError (file and anonymous)."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"abc")
fd = open_fd(path)
show("anon -1", mmap.mmap, -1, -1)
show("anon -4096", mmap.mmap, -1, -4096)
show("file -1", mmap.mmap, fd, -1)
show("file -1 ACCESS_READ", mmap.mmap, fd, -1, access=mmap.ACCESS_READ)
