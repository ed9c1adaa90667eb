"""Error messages that name the method differ (3.10 'read()' vs 3.11+ 'mmap.read()')."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 4)
show("read(n=1)", lambda: m.read(n=1))
show("tell(1)", m.tell, 1)
show("close(1)", m.close, 1)
show("size(1)", m.size, 1)
show("flush(x=1)", lambda: m.flush(x=1))
show("mmap(-1, 4, bogus=1)", lambda: mmap.mmap(-1, 4, bogus=1))
show("mmap()", mmap.mmap)
m.close()
