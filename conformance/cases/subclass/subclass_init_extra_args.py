"""A subclass __init__ with extra args: mmap.__new__ receives them too and refuses; overriding __new__ fixes it."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

class Tagged(mmap.mmap):
    def __init__(self, fileno, length, tag):
        self.tag = tag

show("Tagged(-1, 8, 'x')", lambda: Tagged(-1, 8, "x"))
show("Tagged(-1, 8, tag='x')", lambda: Tagged(-1, 8, tag="x"))

class Tagged2(mmap.mmap):
    def __new__(cls, fileno, length, tag):
        self = super().__new__(cls, fileno, length)
        self.tag = tag
        return self

    def __init__(self, fileno, length, tag):
        self.init_tag = tag.upper()

m = Tagged2(-1, 8, "x")
say("tag", m.tag)
say("init_tag", m.init_tag)
say("len", len(m))
m.close()
