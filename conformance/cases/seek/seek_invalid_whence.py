"""Unknown whence values raise ValueError."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 10)
for wh in (3, 4, -1, 100):
    show("seek(0, %d)" % wh, m.seek, 0, wh)
show("seek(0, 2**63)", m.seek, 0, 2**63)
show("seek(0, 2**31)", m.seek, 0, 2**31)
show("seek(0, 1.0)", m.seek, 0, 1.0)
show("seek(0, None)", m.seek, 0, None)
say("tell", m.tell())
m.close()
