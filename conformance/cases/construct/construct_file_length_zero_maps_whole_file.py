"""length 0 maps the whole file."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"hello, mapped world")
fd = open_fd(path)
m = mmap.mmap(fd, 0)
say("len", len(m))
say("content", m[:])
say("repr", m)
m.close()
