"""closed is False until close() (also via __exit__), then True; it is read-only."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 4)
say("closed before", m.closed)
show("set closed", setattr, m, "closed", True)
show("del closed", delattr, m, "closed")
m.close()
say("closed after", m.closed)
m2 = mmap.mmap(-1, 4)
m2.__exit__(None, None, None)
say("closed after __exit__", m2.closed)
