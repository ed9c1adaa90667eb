"""The map keeps working (and size() too) after the original fd is closed: mmap duplicates it."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"still here after close")
fd = os.open(path, os.O_RDWR)
m = mmap.mmap(fd, 0)
os.close(fd)
say("content", m[:])
show("size()", m.size)
m[0:5] = b"STILL"
show("flush()", m.flush)
show("resize(10)", m.resize, 10)
say("len", len(m))
m.close()
say("file", read_file(path))
