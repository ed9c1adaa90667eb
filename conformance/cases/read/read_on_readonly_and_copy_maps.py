"""read() and read_byte() work on ACCESS_READ and ACCESS_COPY maps."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"file content")
fd = open_fd(path)
for name in ("ACCESS_READ", "ACCESS_COPY"):
    m = mmap.mmap(fd, 0, access=getattr(mmap, name))
    show(name + " read(4)", m.read, 4)
    show(name + " read_byte", m.read_byte)
    show(name + " read()", m.read)
    m.close()
