"""resize() with a negative size raises ValueError; sizes beyond ssize_t overflow."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"abcdef")
fd = open_fd(path)
m = mmap.mmap(fd, 0)
show("resize(-1)", m.resize, -1)
show("resize(-2**63)", m.resize, -2**63)
show("resize(2**63)", m.resize, 2**63)
show("resize(-2**63 - 1)", m.resize, -2**63 - 1)
show("resize(1.0)", m.resize, 1.0)
show("resize('1')", m.resize, "1")
show("resize(None)", m.resize, None)
show("resize()", m.resize)
show("resize(1, 2)", m.resize, 1, 2)
show("resize(newsize=1)", lambda: m.resize(newsize=1))
say("len", len(m))
say("file size", file_size(path))
m.close()
