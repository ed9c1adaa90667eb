"""After close(), flush() raises ValueError."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"line one\nline two\n")
fd = open_fd(path)
m = mmap.mmap(fd, 0)
m.seek(3)
m.close()
show("flush()", m.flush)
show("flush(0, 1)", m.flush, 0, 1)
show("flush(-1)", m.flush, -1)
show("flush(\"x\")", m.flush, "x")
