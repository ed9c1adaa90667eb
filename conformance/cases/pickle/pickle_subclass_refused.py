"""Pickling a subclass instance is also refused."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

import pickle, copy

class MyMap(mmap.mmap):
    pass

m = MyMap(-1, 4)
show("pickle.dumps", pickle.dumps, m)
show("copy.copy", copy.copy, m)
m.close()
