"""size() reflects the current file size after the file is changed through another descriptor."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"x" * 10)
fd = open_fd(path)
m = mmap.mmap(fd, 0)
other = open_fd(path)
os.ftruncate(other, 50)
show("after ftruncate(50) elsewhere", m.size)
say("len", len(m))
os.ftruncate(other, 10)
show("after ftruncate(10)", m.size)
with open(path, "ab") as f:
    f.write(b"appended")
show("after append", m.size)
m.close()
