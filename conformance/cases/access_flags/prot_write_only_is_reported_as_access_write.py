"""prot=PROT_WRITE alone is reported as ACCESS_WRITE (repr only; the memory is not read)."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 8, prot=mmap.PROT_WRITE)
say("repr", m)
m.close()
m = mmap.mmap(-1, 8, prot=mmap.PROT_READ | mmap.PROT_WRITE)
say("rw repr", m)
m.close()
