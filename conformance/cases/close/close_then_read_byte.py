"""After close(), read_byte() raises ValueError."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"line one\nline two\n")
fd = open_fd(path)
m = mmap.mmap(fd, 0)
m.seek(3)
m.close()
show("read_byte()", m.read_byte)
show("read_byte(1)", m.read_byte, 1)
