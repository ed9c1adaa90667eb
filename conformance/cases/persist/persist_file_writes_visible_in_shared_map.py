"""Writes to the file through os.pwrite appear in an existing shared map."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"----------")
fd = open_fd(path)
m = mmap.mmap(fd, 0, access=mmap.ACCESS_READ)
w = open_fd(path)
os.pwrite(w, b"XYZ", 4)
say("map", m[:])
with open(path, "r+b") as f:
    f.seek(0)
    f.write(b"!!")
say("map after file write", m[:])
m.close()
