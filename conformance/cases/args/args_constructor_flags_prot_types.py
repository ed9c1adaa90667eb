"""flags and prot must be C ints; out-of-range values overflow; unusual bits reach mmap(2)."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

for name, kw in (("flags=1.0", dict(flags=1.0)), ("flags='1'", dict(flags="1")), ("flags=None", dict(flags=None)),
                 ("flags=2**31", dict(flags=2**31)), ("flags=-2**31-1", dict(flags=-2**31 - 1)),
                 ("prot=1.0", dict(prot=1.0)), ("prot=2**31", dict(prot=2**31)), ("prot=None", dict(prot=None)),
                 ("flags=0", dict(flags=0)), ("flags=Idx(mmap.MAP_PRIVATE)", dict(flags=Idx(mmap.MAP_PRIVATE))),
                 ("prot=Idx(mmap.PROT_READ)", dict(prot=Idx(mmap.PROT_READ))), ("prot=0x100", dict(prot=0x100))):
    m = show(name, mmap.mmap, -1, 4, **kw)
    if m is not None:
        m.close()
