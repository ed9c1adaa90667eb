"""A subclass with __slots__ works and refuses other attributes."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

class Slotted(mmap.mmap):
    __slots__ = ("label",)

m = Slotted(-1, 4)
m.label = "ok"
say("label", m.label)
show("other attribute", setattr, m, "other", 1)
m.close()
