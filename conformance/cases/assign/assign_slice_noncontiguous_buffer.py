"""Slice assignment from a non-contiguous memoryview fails."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 3)
src = memoryview(b"abcdef")[::2]
show("m[:] = memoryview[::2]", m.__setitem__, slice(None), src)
show("m[::1] = memoryview[::2]", m.__setitem__, slice(None, None, 1), src)
show("m[::-1] = memoryview[::2]", m.__setitem__, slice(None, None, -1), src)
say("content", m[:])
