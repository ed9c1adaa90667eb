"""flush() arguments must be ints; at most two; no keywords; huge ints overflow."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 10)
show("flush(0.0)", m.flush, 0.0)
show("flush(None)", m.flush, None)
show("flush(0, None)", m.flush, 0, None)
show("flush('0')", m.flush, "0")
show("flush(2**63)", m.flush, 2**63)
show("flush(0, 2**63)", m.flush, 0, 2**63)
show("flush(0, 1, 2)", m.flush, 0, 1, 2)
show("flush(offset=0)", lambda: m.flush(offset=0))
show("flush(True, False)", m.flush, True, False)
m.close()
