"""After close(), memoryview(m) and other buffer consumers raise ValueError."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"line one\nline two\n")
fd = open_fd(path)
m = mmap.mmap(fd, 0)
m.seek(3)
m.close()
import hashlib, re
show("memoryview(m)", memoryview, m)
show("bytes(m)", bytes, m)
show("bytearray(m)", bytearray, m)
show("hashlib.md5(m)", lambda: hashlib.md5(m).hexdigest())
show("re.search", re.search, rb"one", m)
show("os.write", os.write, open_fd(make_file(b"")), m)
