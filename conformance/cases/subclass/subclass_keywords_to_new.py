"""Keyword arguments pass through a subclass to mmap.__new__ unchanged."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"subclass keywords")
fd = open_fd(path)

class MyMap(mmap.mmap):
    pass

m = MyMap(fileno=fd, length=8, access=mmap.ACCESS_READ, offset=0)
say("repr", repr(m))
say("content", m[:])
show("bad keyword", lambda: MyMap(-1, 4, bogus=1))
m.close()
