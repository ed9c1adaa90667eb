"""resize() with a live memoryview raises BufferError; after release it works."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"abcdef")
fd = open_fd(path)
m = mmap.mmap(fd, 0)
mv = memoryview(m)
show("resize(10)", m.resize, 10)
show("resize(6)", m.resize, 6)
show("resize(-1)", m.resize, -1)
say("len", len(m))
say("file size", file_size(path))
mv.release()
show("resize(10) after release", m.resize, 10)
say("len", len(m))
m.close()
