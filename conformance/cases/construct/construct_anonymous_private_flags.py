"""Anonymous map with explicit MAP_PRIVATE|MAP_ANONYMOUS flags."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 10, flags=mmap.MAP_PRIVATE | mmap.MAP_ANONYMOUS)
m[:] = b"0123456789"
say("content", m[:])
say("repr", m)
m.close()
m = mmap.mmap(-1, 10, flags=mmap.MAP_PRIVATE)
m.write(b"private")
say("private (no MAP_ANONYMOUS bit) content", m[:])
m.close()
m = mmap.mmap(-1, 10, flags=mmap.MAP_SHARED)
m.write(b"shared")
say("shared content", m[:])
m.close()
