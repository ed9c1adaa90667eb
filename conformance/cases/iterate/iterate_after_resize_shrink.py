"""An iterator stops at the new end when the map shrinks during iteration."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"abcdef")
fd = open_fd(path)
m = mmap.mmap(fd, 0)
it = iter(m)
show("next", next, it)
show("next", next, it)
m.resize(3)
show("next", next, it)
show("next", next, it)
say("len", len(m))
m.close()
