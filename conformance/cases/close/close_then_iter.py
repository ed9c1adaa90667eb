"""After close(), iter(m) may be created but iterating raises ValueError."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"line one\nline two\n")
fd = open_fd(path)
m = mmap.mmap(fd, 0)
m.seek(3)
m.close()
it = show("iter(m)", lambda: type(iter(m)).__name__)
show("list(m)", list, m)
show("next(iter(m))", lambda: next(iter(m)))
