"""readline() returns the rest when there is no newline; b'' at the end."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 5)
m[:] = b"no nl"
show("readline", m.readline)
say("tell", m.tell())
show("readline at end", m.readline)
say("tell", m.tell())
m.close()
