"""resize() on ACCESS_READ and ACCESS_COPY raises TypeError, whatever the new size."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"abcdef")
fd = open_fd(path)
for name in ("ACCESS_READ", "ACCESS_COPY"):
    m = mmap.mmap(fd, 0, access=getattr(mmap, name))
    show(name + " resize(10)", m.resize, 10)
    show(name + " resize(6)", m.resize, 6)
    show(name + " resize(-1)", m.resize, -1)
    say(name + " len", len(m))
    m.close()
say("file size", file_size(path))
