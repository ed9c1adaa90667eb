"""Mapping a pipe descriptor fails."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

r, w = os.pipe()
show("read end, length 0", mmap.mmap, r, 0, access=mmap.ACCESS_READ)
show("read end, length 10", mmap.mmap, r, 10, access=mmap.ACCESS_READ)
show("write end, length 10", mmap.mmap, w, 10)
os.close(r); os.close(w)
