"""resize() uses ftruncate: map of a file that was shrunk elsewhere can be resized back."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"abcdefgh")
fd = open_fd(path)
m = mmap.mmap(fd, 4)
os.truncate(path, 2)
show("size()", m.size)
show("resize(6)", m.resize, 6)
say("file size", file_size(path))
say("map", m[:])
m.close()
