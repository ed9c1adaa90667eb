"""repr() reports each access mode."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"0123456789")
fd = open_fd(path)
for name in ("ACCESS_DEFAULT", "ACCESS_READ", "ACCESS_WRITE", "ACCESS_COPY"):
    m = mmap.mmap(fd, 0, access=getattr(mmap, name))
    say(name, repr(m))
    m.close()
