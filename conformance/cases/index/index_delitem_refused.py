"""del m[i] and del m[a:b] raise TypeError."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 6)
m[:] = b"abcdef"
show("del m[0]", m.__delitem__, 0)
show("del m[0:2]", m.__delitem__, slice(0, 2))
show("del m[100]", m.__delitem__, 100)
try:
    del m[1]
except Exception as e:
    say("del statement", describe(e))
say("content", m[:])
m.close()
