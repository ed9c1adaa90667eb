"""MAP_POPULATE (Linux) is accepted as an extra flag."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"populate me")
fd = open_fd(path)
m = show("shared|populate", mmap.mmap, fd, 0, flags=mmap.MAP_SHARED | mmap.MAP_POPULATE)
say("content", m[:]); m.close()
m = show("anon private|populate", mmap.mmap, -1, 8192, flags=mmap.MAP_PRIVATE | mmap.MAP_ANONYMOUS | mmap.MAP_POPULATE)
say("sum", sum(m[:])); m.close()
