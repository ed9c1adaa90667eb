"""ACCESS_COPY writes are invisible to shared maps and the file; shared writes to pages the copy never wrote are seen by it (Linux behaviour)."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

n = 2 * mmap.PAGESIZE
path = make_file(b"." * n)
fd = open_fd(path)
shared = mmap.mmap(fd, 0)
copy = mmap.mmap(fd, 0, access=mmap.ACCESS_COPY)
copy[0:4] = b"COPY"
say("shared first page head", shared[:4])
say("copy first page head", copy[:4])
shared[0:2] = b"SH"
say("copy first page after shared write (already copied)", copy[:4])
shared[mmap.PAGESIZE:mmap.PAGESIZE + 4] = b"PG2!"
say("copy second page (never written by copy) after shared write", copy[mmap.PAGESIZE:mmap.PAGESIZE + 4])
shared.close(); copy.close()
say("file head", read_file(path)[:4])
