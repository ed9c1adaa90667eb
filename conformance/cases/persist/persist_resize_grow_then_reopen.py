"""Data written after growing with resize() is in the file when reopened."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"head")
fd = open_fd(path)
m = mmap.mmap(fd, 0)
m.resize(12)
m[4:] = b"-appended"[:8]
m.flush()
m.close()
say("file", read_file(path))
say("size", file_size(path))
