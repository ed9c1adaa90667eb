"""Assignment works on ACCESS_COPY and ACCESS_WRITE maps."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"abcdef")
fd = open_fd(path)
for name in ("ACCESS_COPY", "ACCESS_WRITE"):
    m = mmap.mmap(fd, 0, access=getattr(mmap, name))
    m[0] = ord(name[7])
    m[1:3] = name[7:9].encode()
    say(name + " map", m[:])
    m.close()
    say(name + " file", read_file(path))
