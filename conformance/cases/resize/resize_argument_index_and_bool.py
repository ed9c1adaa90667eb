"""resize() accepts __index__ objects and bools."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"abcdef")
fd = open_fd(path)
m = mmap.mmap(fd, 0)
show("resize(Idx(8))", m.resize, Idx(8))
say("len", len(m))
show("resize(True)", m.resize, True)
say("len", len(m))
say("file", read_file(path))
m.close()
