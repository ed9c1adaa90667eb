"""m[i] = int stores one byte (positive and negative index), position unchanged."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 5)
m[0] = 65
m[-1] = 0x7A
m[2] = 0
m[3] = 255
say("content", m[:])
say("tell", m.tell())
m.close()
