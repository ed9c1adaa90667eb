"""After the descriptor used to create the map is closed, writes still reach the file."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"xxxxxx")
f = open(path, "r+b")
m = mmap.mmap(f.fileno(), 0)
f.close()
m[:] = b"yyyyyy"
m.flush()
m.close()
say("file", read_file(path))
