"""find()/rfind() need 1..3 positional arguments and take no keywords."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 8)
show("find()", m.find)
show("find(b'a', 0, 1, 2)", m.find, b"a", 0, 1, 2)
show("find(sub=b'a')", lambda: m.find(sub=b"a"))
show("find(b'a', start=0)", lambda: m.find(b"a", start=0))
show("rfind()", m.rfind)
show("rfind(b'a', 0, 1, 2)", m.rfind, b"a", 0, 1, 2)
show("rfind(b'a', end=1)", lambda: m.rfind(b"a", end=1))
m.close()
