"""With a live export on a read-only map, resize() reports the read-only TypeError first."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"abcdef")
fd = open_fd(path)
m = mmap.mmap(fd, 0, access=mmap.ACCESS_READ)
mv = memoryview(m)
show("ACCESS_READ resize(10) with export", m.resize, 10)
show("close() with export", m.close)
mv.release()
m.close()
