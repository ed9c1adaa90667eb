"""A zero slice step raises ValueError."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 5)
show("m[::0]", m.__getitem__, slice(None, None, 0))
show("m[1:3:0]", m.__getitem__, slice(1, 3, 0))
show("m[::0] = b''", m.__setitem__, slice(None, None, 0), b"")
