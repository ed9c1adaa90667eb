"""A read-only fd with the default (shared, writable) mapping fails; ACCESS_READ/ACCESS_COPY work."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"read only data")
fd = open_fd(path, os.O_RDONLY)
show("default", mmap.mmap, fd, 0)
show("ACCESS_WRITE", mmap.mmap, fd, 0, access=mmap.ACCESS_WRITE)
show("prot=PROT_READ|PROT_WRITE", mmap.mmap, fd, 0, prot=mmap.PROT_READ | mmap.PROT_WRITE)
m = show("ACCESS_READ", mmap.mmap, fd, 0, access=mmap.ACCESS_READ)
say("  content", m[:]); m.close()
m = show("ACCESS_COPY", mmap.mmap, fd, 0, access=mmap.ACCESS_COPY)
m[0:4] = b"READ"
say("  content after copy write", m[:]); m.close()
say("file", read_file(path))
m = show("prot=PROT_READ", mmap.mmap, fd, 0, prot=mmap.PROT_READ)
say("  repr", m); m.close()
m = show("flags=MAP_PRIVATE", mmap.mmap, fd, 0, flags=mmap.MAP_PRIVATE)
say("  repr", m); m.close()
