"""readline() returns up to and including the next b'\n' and advances past it."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

data = b"one\ntwo\n\nthree\nxy"
m = mmap.mmap(-1, len(data))
m[:] = data
for i in range(7):
    show("readline #%d" % i, m.readline)
    say("  tell", m.tell())
m.close()
