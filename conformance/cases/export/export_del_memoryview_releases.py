"""Deleting the last reference to a memoryview releases the export."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 4)
mv = memoryview(m)
del mv
show("close()", m.close)
say("closed", m.closed)
