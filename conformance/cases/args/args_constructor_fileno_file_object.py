"""Passing a file object (not its fileno()) is refused."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"abc")
f = open_file(path)
show("mmap(f, 0)", mmap.mmap, f, 0)
m = show("mmap(f.fileno(), 0)", mmap.mmap, f.fileno(), 0)
m.close()
