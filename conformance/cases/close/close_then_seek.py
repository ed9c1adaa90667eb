"""After close(), seek() raises ValueError."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"line one\nline two\n")
fd = open_fd(path)
m = mmap.mmap(fd, 0)
m.seek(3)
m.close()
show("seek(0)", m.seek, 0)
show("seek(0, 2)", m.seek, 0, 2)
show("seek(100)", m.seek, 100)
show("seek(0, 9)", m.seek, 0, 9)
show("seek(1.0)", m.seek, 1.0)
