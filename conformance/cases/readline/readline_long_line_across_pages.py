"""readline() of a line longer than a page."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

n = 2 * mmap.PAGESIZE + 10
m = mmap.mmap(-1, n)
m[:] = b"x" * (n - 10) + b"\n" + b"tail56789"
line = m.readline()
say("first line len", len(line))
say("first line ends with newline", line.endswith(b"\n"))
say("tell", m.tell())
show("second", m.readline)
m.close()
