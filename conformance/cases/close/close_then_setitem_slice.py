"""After close(), m[a:b] = data raises ValueError."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"line one\nline two\n")
fd = open_fd(path)
m = mmap.mmap(fd, 0)
m.seek(3)
m.close()
show("m[0:1] = b\"x\"", m.__setitem__, slice(0, 1), b"x")
show("m[0:0] = b\"\"", m.__setitem__, slice(0, 0), b"")
show("m[0:1] = b\"xyz\"", m.__setitem__, slice(0, 1), b"xyz")
show("m[0:1] = \"x\"", m.__setitem__, slice(0, 1), "x")
show("del m[0:1]", m.__delitem__, slice(0, 1))
