"""prot=PROT_READ makes a read-only map (repr access=ACCESS_READ; writes raise TypeError)."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"abcdef")
fd = open_fd(path)
m = mmap.mmap(fd, 0, prot=mmap.PROT_READ)
say("repr", m)
say("read", m.read(3))
show("write", m.write, b"x")
show("setitem", m.__setitem__, 0, 1)
show("resize", m.resize, 3)
show("flush", m.flush)
m.close()
m = mmap.mmap(-1, 8, prot=mmap.PROT_READ)
say("anon repr", m)
say("anon content", m[:])
m.close()
