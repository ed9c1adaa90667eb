"""size() on an anonymous map raises OSError EBADF."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

for label, flags in (("default", None), ("MAP_PRIVATE|MAP_ANONYMOUS", mmap.MAP_PRIVATE | mmap.MAP_ANONYMOUS)):
    m = mmap.mmap(-1, 10) if flags is None else mmap.mmap(-1, 10, flags=flags)
    show("size() flags=%s" % label, m.size)
    m.close()
