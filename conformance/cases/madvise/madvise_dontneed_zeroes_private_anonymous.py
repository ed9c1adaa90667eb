"""MADV_DONTNEED on an anonymous private map drops the pages: they read back as zeros."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

n = 2 * mmap.PAGESIZE
m = mmap.mmap(-1, n, flags=mmap.MAP_PRIVATE | mmap.MAP_ANONYMOUS)
m[:] = b"\x01" * n
show("madvise(MADV_DONTNEED, PAGESIZE, PAGESIZE)", m.madvise, mmap.MADV_DONTNEED, mmap.PAGESIZE, mmap.PAGESIZE)
say("first page all 1", set(m[:mmap.PAGESIZE]))
say("second page all 0", set(m[mmap.PAGESIZE:]))
m.close()
