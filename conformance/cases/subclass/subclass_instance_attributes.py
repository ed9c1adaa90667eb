"""Subclass instances have a __dict__; plain mmap instances refuse new attributes."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

class MyMap(mmap.mmap):
    pass

m = MyMap(-1, 4)
m.note = "hello"
say("subclass attribute", m.note)
say("has __dict__", hasattr(m, "__dict__"))
m.close()
p = mmap.mmap(-1, 4)
show("set attribute on mmap", setattr, p, "note", "x")
show("get missing attribute", getattr, p, "note")
say("plain has __dict__", hasattr(p, "__dict__"))
p.close()
