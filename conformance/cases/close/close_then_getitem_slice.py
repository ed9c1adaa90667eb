"""After close(), m[a:b] raises ValueError."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"line one\nline two\n")
fd = open_fd(path)
m = mmap.mmap(fd, 0)
m.seek(3)
m.close()
show("m[:]", m.__getitem__, slice(None))
show("m[0:0]", m.__getitem__, slice(0, 0))
show("m[::-1]", m.__getitem__, slice(None, None, -1))
show("m[::0]", m.__getitem__, slice(None, None, 0))
