"""seek() returns None up to 3.12 and the new absolute position on 3.13+."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 10)
show("seek(3)", m.seek, 3)
show("seek(2, 1)", m.seek, 2, 1)
show("seek(-1, 2)", m.seek, -1, 2)
show("seek(0, 2)", m.seek, 0, 2)
m.close()
