"""repr() shows the access derived from prot/flags arguments."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"0123456789")
fd = open_fd(path)
for label, kw in (("prot=PROT_READ", dict(prot=mmap.PROT_READ)),
                  ("prot=PROT_READ|PROT_WRITE", dict(prot=mmap.PROT_READ | mmap.PROT_WRITE)),
                  ("flags=MAP_PRIVATE", dict(flags=mmap.MAP_PRIVATE)),
                  ("flags=MAP_PRIVATE, prot=PROT_READ", dict(flags=mmap.MAP_PRIVATE, prot=mmap.PROT_READ))):
    m = mmap.mmap(fd, 0, **kw)
    say(label, repr(m))
    m.close()
