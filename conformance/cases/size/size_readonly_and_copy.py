"""size() works on ACCESS_READ and ACCESS_COPY maps."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"z" * 33)
fd = open_fd(path)
for name in ("ACCESS_READ", "ACCESS_COPY", "ACCESS_WRITE"):
    m = mmap.mmap(fd, 3, access=getattr(mmap, name))
    show(name + " size()", m.size)
    m.close()
