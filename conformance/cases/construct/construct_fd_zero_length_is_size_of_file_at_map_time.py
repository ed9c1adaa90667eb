"""length 0 uses the file size at the time of mapping; later growth is not mapped."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"12345")
fd = open_fd(path)
m = mmap.mmap(fd, 0)
os.ftruncate(fd, 100)
say("len after file grew", len(m))
show("size() after file grew", m.size)
say("content", m[:])
m.close()
