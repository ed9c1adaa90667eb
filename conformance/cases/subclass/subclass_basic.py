"""A subclass of mmap.mmap constructs, is an instance of mmap.mmap, and inherits all methods."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

class MyMap(mmap.mmap):
    pass

m = MyMap(-1, 8)
say("type name", type(m).__name__)
say("isinstance", isinstance(m, mmap.mmap))
say("issubclass", issubclass(MyMap, mmap.mmap))
m.write(b"sub")
m.seek(0)
say("read", m.read(3))
say("len", len(m))
say("m[0]", m[0])
say("find", m.find(b"u"))
m.close()
say("closed", m.closed)
