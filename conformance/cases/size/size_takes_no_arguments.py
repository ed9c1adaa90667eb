"""size() and tell() take no arguments; len(m) is the map length."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 7)
show("size(1)", m.size, 1)
show("len(m)", len, m)
show("m.__len__()", m.__len__)
show("tell(0)", m.tell, 0)
m.close()
