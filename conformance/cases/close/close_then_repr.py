"""After close(), repr() and str() still work and show closed=True."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"line one\nline two\n")
fd = open_fd(path)
m = mmap.mmap(fd, 0)
m.seek(3)
m.close()
show("repr(m)", repr, m)
show("str(m)", str, m)
show("closed", lambda: m.closed)
