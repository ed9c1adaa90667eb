"""Several exports are counted (a memoryview of a memoryview counts too): close() succeeds only after the last one is released."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 8)
a = memoryview(m)
b = memoryview(m)
c = memoryview(a)
show("close() with 3 views", m.close)
a.release()
show("close() with b and c left", m.close)
b.release()
show("close() with c (view of a) left", m.close)
show("c still usable", lambda: c[0])
c.release()
show("close() after all released", m.close)
say("closed", m.closed)
