"""access must be a C int: float/str/None refused, huge values overflow, __index__ accepted."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

for label, v in (("1.0", 1.0), ("'1'", "1"), ("None", None), ("2**31", 2**31), ("2**63", 2**63), ("-2**31-1", -2**31 - 1)):
    show("access=%s" % label, mmap.mmap, -1, 4, access=v)
m = show("access=Idx(ACCESS_READ)", mmap.mmap, -1, 4, access=Idx(mmap.ACCESS_READ))
m.close()
m = show("access=True", mmap.mmap, -1, 4, access=True)
m.close()
