"""object.__getstate__ (3.11+) on an mmap instance; absent on 3.10."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 4)
show("m.__getstate__()", lambda: m.__getstate__())
class Sub(mmap.mmap):
    pass
s = Sub(-1, 4)
s.x = 1
show("subclass __getstate__()", lambda: s.__getstate__())
m.close(); s.close()
