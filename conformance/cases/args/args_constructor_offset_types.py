"""offset is a C off_t: float/str/None refused; 2**63 overflows; __index__ accepted."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"x" * (2 * mmap.ALLOCATIONGRANULARITY))
fd = open_fd(path)
for label, v in (("0.0", 0.0), ("'0'", "0"), ("None", None), ("2**63", 2**63), ("-2**63-1", -2**63 - 1), ("2**63-1", 2**63 - 1)):
    show("offset=%s" % label, mmap.mmap, fd, 0, offset=v)
m = show("offset=Idx(g)", mmap.mmap, fd, 0, offset=Idx(mmap.ALLOCATIONGRANULARITY))
m.close()
m = show("offset=False", mmap.mmap, fd, 0, offset=False)
m.close()
