"""A length bigger than the file is refused (the file is not extended)."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"abcdef")
fd = open_fd(path)
show("length 7", mmap.mmap, fd, 7)
show("length 4096", mmap.mmap, fd, 4096)
show("length 7 ACCESS_WRITE", mmap.mmap, fd, 7, access=mmap.ACCESS_WRITE)
show("length 7 ACCESS_READ", mmap.mmap, fd, 7, access=mmap.ACCESS_READ)
say("file size after", file_size(path))
m = show("length 6 ok", mmap.mmap, fd, 6)
m.close()
