"""pickle.dumps(m) raises TypeError for every protocol 0..5."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

import pickle
m = mmap.mmap(-1, 4)
for proto in range(0, pickle.HIGHEST_PROTOCOL + 1):
    show("protocol %d" % proto, pickle.dumps, m, proto)
m.close()
