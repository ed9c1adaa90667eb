"""fileno must be an int that fits a C int: __index__ accepted; str/float/None/huge refused."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

show("fileno=Idx(-1)", mmap.mmap, Idx(-1), 4)
for v in ("3", 1.0, None, b"-1", 2**31, -2**31 - 1, 2**63):
    show("fileno=%r" % (v,), mmap.mmap, v, 4)
