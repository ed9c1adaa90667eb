"""After close(), write() raises ValueError; argument errors are reported first or not."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"line one\nline two\n")
fd = open_fd(path)
m = mmap.mmap(fd, 0)
m.seek(3)
m.close()
show("write(b\"x\")", m.write, b"x")
show("write(b\"\")", m.write, b"")
show("write(\"str\")", m.write, "str")
show("write()", m.write)
