"""Slice bounds that are not ints/None/__index__ raise TypeError; __index__ objects work."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 5)
m[:] = b"abcde"
show("m['a':]", m.__getitem__, slice("a", None))
show("m[1.0:]", m.__getitem__, slice(1.0, None))
show("m[:2.5]", m.__getitem__, slice(None, 2.5))
show("m[::1.0]", m.__getitem__, slice(None, None, 1.0))
show("m[Idx(1):Idx(4)]", m.__getitem__, slice(Idx(1), Idx(4)))
show("m[True:]", m.__getitem__, slice(True, None))
m.close()
