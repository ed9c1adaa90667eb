"""After close(), rfind() raises ValueError."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"line one\nline two\n")
fd = open_fd(path)
m = mmap.mmap(fd, 0)
m.seek(3)
m.close()
show("rfind(b\"one\")", m.rfind, b"one")
show("rfind(b\"\", 0, 1)", m.rfind, b"", 0, 1)
show("rfind(\"str\")", m.rfind, "str")
