"""After close(), weak references to a closed map still work."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"line one\nline two\n")
fd = open_fd(path)
m = mmap.mmap(fd, 0)
m.seek(3)
m.close()
import weakref
r = weakref.ref(m)
show("r() is m", lambda: r() is m)
