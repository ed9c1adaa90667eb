"""PAGESIZE and ALLOCATIONGRANULARITY match the OS page size on Linux."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

say("PAGESIZE", mmap.PAGESIZE)
say("ALLOCATIONGRANULARITY", mmap.ALLOCATIONGRANULARITY)
say("PAGESIZE == os.sysconf('SC_PAGE_SIZE')", mmap.PAGESIZE == os.sysconf("SC_PAGE_SIZE"))
say("types", (type(mmap.PAGESIZE).__name__, type(mmap.ALLOCATIONGRANULARITY).__name__))
