"""access=ACCESS_DEFAULT may be combined with any flags/prot; prot decides the reported access."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"abcdef")
fd = open_fd(path)
m = show("private", mmap.mmap, fd, 0, flags=mmap.MAP_PRIVATE, access=mmap.ACCESS_DEFAULT); m.close()
m = show("prot=PROT_READ", mmap.mmap, fd, 0, prot=mmap.PROT_READ, access=mmap.ACCESS_DEFAULT); m.close()
m = show("prot=PROT_READ|PROT_WRITE", mmap.mmap, fd, 0, prot=mmap.PROT_READ | mmap.PROT_WRITE, access=mmap.ACCESS_DEFAULT); m.close()
m = show("private prot=PROT_READ", mmap.mmap, fd, 0, flags=mmap.MAP_PRIVATE, prot=mmap.PROT_READ); m.close()
