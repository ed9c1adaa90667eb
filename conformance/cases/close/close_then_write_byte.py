"""After close(), write_byte() raises ValueError."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"line one\nline two\n")
fd = open_fd(path)
m = mmap.mmap(fd, 0)
m.seek(3)
m.close()
show("write_byte(65)", m.write_byte, 65)
show("write_byte(300)", m.write_byte, 300)
show("write_byte(b\"a\")", m.write_byte, b"a")
