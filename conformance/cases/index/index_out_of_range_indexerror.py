"""Indexes outside -len..len-1 raise IndexError."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 6)
for i in (6, 7, 1000, -7, -1000):
    show("m[%d]" % i, m.__getitem__, i)
