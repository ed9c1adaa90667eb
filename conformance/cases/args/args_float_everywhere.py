"""Floats are refused everywhere an integer is expected, even integral ones."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 4)
for label, fn in (("read(1.0)", lambda: m.read(1.0)), ("seek(1.0)", lambda: m.seek(1.0)), ("seek(0, 0.0)", lambda: m.seek(0, 0.0)),
                  ("m[1.0]", lambda: m[1.0]), ("m[0] = 1.0", lambda: m.__setitem__(0, 1.0)), ("m[0.0:1]", lambda: m[0.0:1]),
                  ("find(b'', 1.0)", lambda: m.find(b"", 1.0)), ("write_byte(1.0)", lambda: m.write_byte(1.0)),
                  ("move(0.0, 0, 0)", lambda: m.move(0.0, 0, 0)), ("flush(0.0)", lambda: m.flush(0.0)),
                  ("madvise(0.0)", lambda: m.madvise(0.0)), ("resize(4.0)", lambda: m.resize(4.0)),
                  ("mmap(-1, 4.0)", lambda: mmap.mmap(-1, 4.0)), ("mmap(-1.0, 4)", lambda: mmap.mmap(-1.0, 4))):
    show(label, fn)
m.close()
