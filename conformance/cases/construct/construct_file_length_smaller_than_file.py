"""An explicit length smaller than the file maps only that prefix."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"0123456789abcdef")
fd = open_fd(path)
m = mmap.mmap(fd, 5)
say("len", len(m))
say("content", m[:])
say("size", m.size())
say("read all", m.read())
m.close()
