"""write() on a file map reaches the file (read back through another descriptor)."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"..........")
fd = open_fd(path)
m = mmap.mmap(fd, 0)
m.seek(2)
m.write(b"hello")
say("file before flush", read_file(path))
m.flush()
m.close()
say("file after close", read_file(path))
