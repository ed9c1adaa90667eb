"""After close(), m[i] raises ValueError, even for out-of-range or bad indexes."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"line one\nline two\n")
fd = open_fd(path)
m = mmap.mmap(fd, 0)
m.seek(3)
m.close()
show("m[0]", m.__getitem__, 0)
show("m[-1]", m.__getitem__, -1)
show("m[1000]", m.__getitem__, 1000)
show("m[\"a\"]", m.__getitem__, "a")
