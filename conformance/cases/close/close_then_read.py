"""After close(), read() raises ValueError (before argument checks)."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"line one\nline two\n")
fd = open_fd(path)
m = mmap.mmap(fd, 0)
m.seek(3)
m.close()
show("read()", m.read)
show("read(2)", m.read, 2)
show("read(None)", m.read, None)
show("read(\"bad\")", m.read, "bad")
show("read(1, 2)", m.read, 1, 2)
