"""Indexes that do not fit in Py_ssize_t raise IndexError (cannot fit 'int')."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 6)
for i in (2**63 - 1, 2**63, -2**63, -2**63 - 1, 2**100, -2**100):
    show("m[%d]" % i, m.__getitem__, i)
show("m[Idx(2**64)]", m.__getitem__, Idx(2**64))
