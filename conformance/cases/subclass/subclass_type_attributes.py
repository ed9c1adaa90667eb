"""Type-level facts: __name__, __module__, __qualname__, base, and that the type can be subclassed."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

say("__name__", mmap.mmap.__name__)
say("__module__", mmap.mmap.__module__)
say("__qualname__", mmap.mmap.__qualname__)
say("__bases__", [b.__name__ for b in mmap.mmap.__bases__])
say("mro", [c.__name__ for c in mmap.mmap.__mro__])

class MyMap(mmap.mmap):
    pass

say("subclass mro", [c.__name__ for c in MyMap.__mro__])
say("type(mmap.mmap) is type", type(mmap.mmap) is type)
