"""A non-default access combined with non-default flags or prot is a ValueError."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"abcdef")
fd = open_fd(path)
for name in ("ACCESS_READ", "ACCESS_WRITE", "ACCESS_COPY"):
    acc = getattr(mmap, name)
    show(name + " flags=MAP_PRIVATE", mmap.mmap, fd, 0, flags=mmap.MAP_PRIVATE, access=acc)
    show(name + " prot=PROT_READ", mmap.mmap, fd, 0, prot=mmap.PROT_READ, access=acc)
    show(name + " anon flags=MAP_PRIVATE", mmap.mmap, -1, 10, flags=mmap.MAP_PRIVATE, access=acc)
