"""seek(big, 1) and seek(big, 2) from a non-zero position do not wrap around."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 10)
m.seek(5)
show("seek(2**63 - 1, 1) at 5", m.seek, 2**63 - 1, 1)
say("tell", m.tell())
show("seek(2**63 - 5, 1) at 5", m.seek, 2**63 - 5, 1)
say("tell", m.tell())
show("seek(2**63 - 1, 2)", m.seek, 2**63 - 1, 2)
say("tell", m.tell())
show("seek(-2**63, 1) at 5", m.seek, -2**63, 1)
say("tell", m.tell())
m.close()
