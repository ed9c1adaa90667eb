"""mmap(-1, 0): an anonymous map of length 0."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

show("mmap(-1, 0)", mmap.mmap, -1, 0)
show("mmap(-1, 0, flags=MAP_PRIVATE)", mmap.mmap, -1, 0, flags=mmap.MAP_PRIVATE | mmap.MAP_ANONYMOUS)
