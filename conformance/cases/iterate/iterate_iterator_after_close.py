"""An iterator made before close raises on next(); one exhausted before close just stops."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 3)
m[:] = b"xyz"
it = iter(m)
show("next 1", next, it)
m.close()
show("next after close", next, it)
show("next again", next, it)
m2 = mmap.mmap(-1, 1)
it2 = iter(m2)
show("next", next, it2)
show("next at end", next, it2)
m2.close()
show("next after close when exhausted", next, it2)
