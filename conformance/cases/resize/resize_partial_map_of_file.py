"""resize() of a map that covers only part of the file truncates/extends the file to offset + new size."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"0123456789ABCDEF")
fd = open_fd(path)
m = mmap.mmap(fd, 4)
show("resize(8)", m.resize, 8)
say("content", m[:])
say("file", read_file(path))
show("resize(2)", m.resize, 2)
say("file", read_file(path))
m.close()
