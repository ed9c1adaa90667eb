"""__reduce__ / __reduce_ex__ raise TypeError directly."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 4)
show("__reduce__()", m.__reduce__)
for proto in (0, 1, 2, 4, 5):
    show("__reduce_ex__(%d)" % proto, m.__reduce_ex__, proto)
m.close()
