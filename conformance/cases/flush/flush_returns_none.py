"""flush() with no arguments returns None (file and anonymous maps)."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"flush me")
fd = open_fd(path)
m = mmap.mmap(fd, 0)
m[0:5] = b"FLUSH"
show("flush()", m.flush)
say("file", read_file(path))
m.close()
a = mmap.mmap(-1, 10)
show("anonymous flush()", a.flush)
a.close()
