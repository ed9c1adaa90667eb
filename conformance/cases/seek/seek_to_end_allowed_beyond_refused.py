"""Seeking exactly to the end is allowed; past it or before 0 raises ValueError and keeps the position."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 10)
m.seek(4)
for args in ((10,), (11,), (-1,), (7, 1), (-5, 1), (1, 2), (-11, 2), (0, 1)):
    show("seek%r" % (args,), m.seek, *args)
    say("  tell", m.tell())
m.close()
