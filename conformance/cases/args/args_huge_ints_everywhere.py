"""2**63 (one past ssize_t) and 2**64 everywhere an integer is expected."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 4)
for big in (2**63, 2**64, -2**63 - 1):
    for label, fn in (("read", lambda: m.read(big)), ("seek", lambda: m.seek(big)), ("m[i]", lambda: m[big]),
                      ("m[i] = 0", lambda: m.__setitem__(big, 0)), ("m[0] = big", lambda: m.__setitem__(0, big)),
                      ("m[big:]", lambda: m[big:]), ("find start", lambda: m.find(b"", big)),
                      ("rfind end", lambda: m.rfind(b"", 0, big)), ("write_byte", lambda: m.write_byte(big)),
                      ("move count", lambda: m.move(0, 0, big)), ("flush size", lambda: m.flush(0, big)),
                      ("madvise start", lambda: m.madvise(0, big)), ("resize", lambda: m.resize(big)),
                      ("mmap length", lambda: mmap.mmap(-1, big)), ("mmap offset", lambda: mmap.mmap(-1, 4, offset=big))):
        show("%d %s" % (big, label), fn)
m.close()
