"""After close(), pickle/copy still refuse with TypeError."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"line one\nline two\n")
fd = open_fd(path)
m = mmap.mmap(fd, 0)
m.seek(3)
m.close()
import copy, pickle
show("pickle.dumps", pickle.dumps, m)
show("copy.copy", copy.copy, m)
