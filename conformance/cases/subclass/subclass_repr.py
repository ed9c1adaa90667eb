"""repr() of a subclass instance: which type name is shown."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

class MyMap(mmap.mmap):
    pass

m = MyMap(-1, 8)
say("repr", repr(m))
m.close()
say("closed repr", repr(m))

class WithRepr(mmap.mmap):
    def __repr__(self):
        return "<WithRepr len=%d>" % len(self)

m = WithRepr(-1, 3)
say("overridden repr", repr(m))
m.close()
