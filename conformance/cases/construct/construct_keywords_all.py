"""All constructor keywords: fileno, length, flags, prot, access, offset."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"keyword args!")
fd = open_fd(path)
m = show("fileno/length", mmap.mmap, fileno=fd, length=0)
say("content", m[:]); m.close()
m = show("flags/prot", mmap.mmap, fileno=fd, length=3, flags=mmap.MAP_SHARED, prot=mmap.PROT_READ)
say("repr", m); m.close()
m = show("access/offset", mmap.mmap, fileno=fd, length=4, access=mmap.ACCESS_COPY, offset=0)
say("repr", m); m.close()
m = show("positional fd + keyword rest", mmap.mmap, fd, length=2, offset=0, access=mmap.ACCESS_READ)
say("repr", m); m.close()
m = show("positional all but access/offset", mmap.mmap, fd, 5, mmap.MAP_SHARED, mmap.PROT_READ | mmap.PROT_WRITE)
say("repr", m); m.close()
m = show("positional with access and offset", mmap.mmap, fd, 5, mmap.MAP_SHARED, mmap.PROT_READ | mmap.PROT_WRITE, mmap.ACCESS_DEFAULT, 0)
say("repr", m); m.close()
