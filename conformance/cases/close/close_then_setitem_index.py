"""After close(), m[i] = v raises ValueError, whatever the index/value."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"line one\nline two\n")
fd = open_fd(path)
m = mmap.mmap(fd, 0)
m.seek(3)
m.close()
show("m[0] = 65", m.__setitem__, 0, 65)
show("m[1000] = 65", m.__setitem__, 1000, 65)
show("m[0] = 1000", m.__setitem__, 0, 1000)
show("m[0] = b\"x\"", m.__setitem__, 0, b"x")
show("del m[0]", m.__delitem__, 0)
