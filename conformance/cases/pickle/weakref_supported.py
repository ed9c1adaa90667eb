"""mmap objects support weak references; the ref dies with the object; WeakValueDictionary works."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

import gc, weakref
m = mmap.mmap(-1, 4)
r = weakref.ref(m)
say("alive", r() is m)
d = weakref.WeakValueDictionary()
d["k"] = m
say("in dict", "k" in d)
fired = []
r2 = weakref.ref(m, lambda ref: fired.append("callback"))
m.close()
say("alive after close", r() is not None)
del m
gc.collect()
say("dead after del", r() is None)
say("callback fired", fired)
say("dict emptied", "k" in d)
