"""Only b'\n' ends a line: b'\r' is kept inside the line."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

data = b"a\r\nb\rc\n\r\n\n\r"
m = mmap.mmap(-1, len(data))
m[:] = data
lines = []
while True:
    line = m.readline()
    if not line:
        break
    lines.append(line)
say("lines", lines)
say("tell", m.tell())
m.close()
