"""length: __index__/bool accepted; float/str/None refused; 2**63 overflows; huge anonymous lengths fail cleanly."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = show("length=Idx(5)", mmap.mmap, -1, Idx(5))
m.close()
m = show("length=True", mmap.mmap, -1, True)
m.close()
for v in (4.0, "4", None, b"4", 2**63, -2**63 - 1, [4]):
    show("length=%r" % (v,), mmap.mmap, -1, v)
show("length=2**62 (anonymous)", mmap.mmap, -1, 2**62)
show("length=2**63-1 (anonymous)", mmap.mmap, -1, 2**63 - 1)
