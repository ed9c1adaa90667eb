"""copy.copy(m) and copy.deepcopy(m) raise TypeError."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

import copy
m = mmap.mmap(-1, 4)
show("copy.copy", copy.copy, m)
show("copy.deepcopy", copy.deepcopy, m)
show("copy.deepcopy in a list", copy.deepcopy, [m])
m.close()
