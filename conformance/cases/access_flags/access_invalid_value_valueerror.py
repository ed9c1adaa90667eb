"""access values outside 0..3 are a ValueError."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"abcdef")
fd = open_fd(path)
for acc in (4, 5, 100, -1, -100):
    show("file access=%d" % acc, mmap.mmap, fd, 0, access=acc)
    show("anon access=%d" % acc, mmap.mmap, -1, 4, access=acc)
