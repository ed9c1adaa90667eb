"""reversed(m) works via the sequence protocol and yields bytes."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 4)
m[:] = b"wxyz"
show("list(reversed(m))", lambda: list(reversed(m)))
show("has __reversed__", lambda: hasattr(m, "__reversed__"))
show("has __iter__", lambda: hasattr(m, "__iter__"))
show("has __contains__", lambda: hasattr(m, "__contains__"))
m.close()
