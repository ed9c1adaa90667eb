"""Pickling a file-backed map is refused as well (file maps, all access modes)."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

import pickle
path = make_file(b"abc")
fd = open_fd(path)
for name in ("ACCESS_DEFAULT", "ACCESS_READ", "ACCESS_COPY"):
    m = mmap.mmap(fd, 0, access=getattr(mmap, name))
    show(name, pickle.dumps, m)
    m.close()
