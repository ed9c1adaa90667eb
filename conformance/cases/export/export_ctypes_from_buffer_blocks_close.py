"""A ctypes object created with from_buffer() holds an export: close() raises BufferError until it is gone."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

import ctypes, gc
m = mmap.mmap(-1, 8)
arr = (ctypes.c_ubyte * 8).from_buffer(m)
arr[0] = 0x41
say("m[0]", m[0])
show("close() with ctypes view", m.close)
show("resize() with ctypes view", m.resize, 16)
del arr
gc.collect()
show("close() after del", m.close)
say("closed", m.closed)
