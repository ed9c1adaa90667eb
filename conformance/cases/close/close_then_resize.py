"""After close(), resize() raises ValueError and leaves the file alone."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"line one\nline two\n")
fd = open_fd(path)
m = mmap.mmap(fd, 0)
m.seek(3)
m.close()
show("resize(100)", m.resize, 100)
show("resize(-1)", m.resize, -1)
show("resize(\"x\")", m.resize, "x")
say("file size", file_size(path))
