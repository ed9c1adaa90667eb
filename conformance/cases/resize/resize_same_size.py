"""resize() to the current size is a no-op that succeeds."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"abcdef")
fd = open_fd(path)
m = mmap.mmap(fd, 0)
m.seek(3)
show("resize(6)", m.resize, 6)
say("repr", m)
say("file", read_file(path))
m.close()
