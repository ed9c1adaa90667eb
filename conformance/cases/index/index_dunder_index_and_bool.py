"""Objects with __index__ and bools are accepted as indexes."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 6)
m[:] = b"abcdef"
show("m[Idx(2)]", m.__getitem__, Idx(2))
show("m[Idx(-1)]", m.__getitem__, Idx(-1))
show("m[Idx(6)]", m.__getitem__, Idx(6))
show("m[True]", m.__getitem__, True)
show("m[False]", m.__getitem__, False)
m.close()
