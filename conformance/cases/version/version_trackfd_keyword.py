"""trackfd= keyword: accepted from 3.13 (True/False), refused as an unknown keyword before."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"trackfd data")
fd = open_fd(path)
m = show("trackfd=True", mmap.mmap, fd, 0, trackfd=True)
if m is not None:
    m.close()
m = show("trackfd=False", mmap.mmap, fd, 0, trackfd=False)
if m is not None:
    m.close()
m = show("anon trackfd=False", mmap.mmap, -1, 4, trackfd=False)
if m is not None:
    m.close()
show("trackfd as 7th positional", mmap.mmap, fd, 0, mmap.MAP_SHARED, mmap.PROT_READ | mmap.PROT_WRITE, mmap.ACCESS_DEFAULT, 0, False)
