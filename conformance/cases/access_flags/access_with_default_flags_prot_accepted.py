"""Explicit flags=MAP_SHARED and prot=PROT_READ|PROT_WRITE equal the defaults, so any access may be combined with them."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"abcdef")
fd = open_fd(path)
for name in ("ACCESS_DEFAULT", "ACCESS_READ", "ACCESS_WRITE", "ACCESS_COPY"):
    acc = getattr(mmap, name)
    m = show(name + " + shared/rw", mmap.mmap, fd, 0, flags=mmap.MAP_SHARED, prot=mmap.PROT_READ | mmap.PROT_WRITE, access=acc)
    if m is not None:
        m.close()
    m = show(name + " + flags=MAP_SHARED only", mmap.mmap, fd, 0, flags=mmap.MAP_SHARED, access=acc)
    if m is not None:
        m.close()
