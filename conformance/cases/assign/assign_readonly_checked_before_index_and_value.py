"""On a read-only map, assignment fails with the read-only TypeError before any index/value check."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"abcde")
fd = open_fd(path)
m = mmap.mmap(fd, 0, access=mmap.ACCESS_READ)
show("m[100] = 1", m.__setitem__, 100, 1)
show("m[0] = 1000", m.__setitem__, 0, 1000)
show("m[0] = b'x'", m.__setitem__, 0, b"x")
show("m['a'] = 1", m.__setitem__, "a", 1)
show("m[0:100] = b'x'", m.__setitem__, slice(0, 100), b"x")
show("m[0:1] = 'x'", m.__setitem__, slice(0, 1), "x")
show("m[::0] = b''", m.__setitem__, slice(None, None, 0), b"")
show("del m[0]", m.__delitem__, 0)
show("del m[0:1]", m.__delitem__, slice(0, 1))
m.close()
