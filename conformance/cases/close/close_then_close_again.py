"""After close(), close() again is a no-op returning None."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"line one\nline two\n")
fd = open_fd(path)
m = mmap.mmap(fd, 0)
m.seek(3)
m.close()
show("close()", m.close)
show("close() again", m.close)
show("closed", lambda: m.closed)
show("close(1)", m.close, 1)
