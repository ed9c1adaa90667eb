"""flush() of a map with an offset writes the data at that file offset."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

g = mmap.ALLOCATIONGRANULARITY
path = make_file(b"." * (g + 8))
fd = open_fd(path)
m = mmap.mmap(fd, 8, offset=g)
m[:] = b"OFFSETOK"
show("flush()", m.flush)
show("flush(0, 8)", m.flush, 0, 8)
m.close()
data = read_file(path)
say("head untouched", set(data[:g]))
say("tail", data[g:])
