"""m[i] reflects writes made through write(), slices and memoryview."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 4)
m.write(b"\x01\x02")
m[2:3] = b"\x03"
mv = memoryview(m)
mv[3] = 4
mv.release()
say("items", [m[i] for i in range(4)])
m.close()
