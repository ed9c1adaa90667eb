"""After close(), move() raises ValueError."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"line one\nline two\n")
fd = open_fd(path)
m = mmap.mmap(fd, 0)
m.seek(3)
m.close()
show("move(0, 1, 1)", m.move, 0, 1, 1)
show("move(0, 100, 100)", m.move, 0, 100, 100)
show("move(0, 1)", m.move, 0, 1)
