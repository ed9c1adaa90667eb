"""Writing through a memoryview changes the map (and the file); map writes show in the view."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"abcdef")
fd = open_fd(path)
m = mmap.mmap(fd, 0)
mv = memoryview(m)
mv[0] = ord("A")
mv[1:3] = b"BC"
m[5] = ord("F")
say("map", m[:])
say("view", mv.tobytes())
say("view slice", bytes(mv[-2:]))
mv.release()
m.close()
say("file", read_file(path))
