"""-1 everywhere an integer is expected: which calls treat it as relative/all, which refuse."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 4)
m[:] = b"abcd"
for label, fn in (("read(-1)", lambda: m.read(-1)), ("seek(-1)", lambda: m.seek(-1)), ("seek(-1, 2)", lambda: m.seek(-1, 2)),
                  ("tell", lambda: m.tell()), ("m[-1]", lambda: m[-1]), ("m[-1] = 0x44", lambda: m.__setitem__(-1, 0x44)),
                  ("m[-2:]", lambda: m[-2:]), ("find(b'a', -1)", lambda: m.find(b"a", -1)), ("rfind(b'a', 0, -1)", lambda: m.rfind(b"a", 0, -1)),
                  ("write_byte(-1)", lambda: m.write_byte(-1)), ("move(-1, 0, 1)", lambda: m.move(-1, 0, 1)),
                  ("flush(-1)", lambda: m.flush(-1)), ("flush(0, -1)", lambda: m.flush(0, -1)),
                  ("madvise(-1)", lambda: m.madvise(-1)), ("madvise(0, -1)", lambda: m.madvise(0, -1)),
                  ("madvise(0, 0, -1)", lambda: m.madvise(0, 0, -1)), ("resize(-1)", lambda: m.resize(-1)),
                  ("mmap(-1, -1)", lambda: mmap.mmap(-1, -1)), ("mmap(-1, 4, offset=-1)", lambda: mmap.mmap(-1, 4, offset=-1)),
                  ("mmap(-1, 4, flags=-1)", lambda: mmap.mmap(-1, 4, flags=-1)), ("mmap(-1, 4, prot=-1)", lambda: mmap.mmap(-1, 4, prot=-1))):
    r = show(label, fn)
    if hasattr(r, "close"):
        r.close()
say("content", m[:])
m.close()
