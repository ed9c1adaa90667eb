"""ACCESS_COPY on an anonymous map: writable, repr says ACCESS_COPY, resize refused."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 8, access=mmap.ACCESS_COPY)
say("repr", m)
m[:] = b"copyanon"
say("content", m[:])
show("resize", m.resize, 16)
show("flush", m.flush)
m.close()
m = mmap.mmap(-1, 8, access=mmap.ACCESS_READ)
say("read repr", m)
show("read write", m.write, b"x")
m.close()
m = mmap.mmap(-1, 8, access=mmap.ACCESS_WRITE)
say("write repr", m)
m.close()
