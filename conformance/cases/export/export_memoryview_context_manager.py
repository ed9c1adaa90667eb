"""A memoryview used in a with block releases its export at the end of the block."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 4)
with memoryview(m) as mv:
    mv[0:2] = b"hi"
    show("close() inside", m.close)
show("close() after with", m.close)
say("closed", m.closed)
