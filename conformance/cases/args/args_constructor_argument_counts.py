"""mmap() with no arguments, one argument, and too many positional arguments."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

show("mmap()", mmap.mmap)
show("mmap(-1)", mmap.mmap, -1)
show("mmap(length=4)", lambda: mmap.mmap(length=4))
show("mmap(-1, 4, 0, 0, 0, 0, 0)", mmap.mmap, -1, 4, 0, 0, 0, 0, 0)
show("mmap(-1, 4, 0, 0, 0, 0, 0, 0)", mmap.mmap, -1, 4, 0, 0, 0, 0, 0, 0)
