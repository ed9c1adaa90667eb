"""weakref.proxy(m) forwards method calls and len()."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

import weakref
m = mmap.mmap(-1, 4)
p = weakref.proxy(m)
p.write(b"prox")
say("len(p)", len(p))
say("p[0]", p[0])
p.seek(0)
say("p.read()", p.read())
say("m content", m[:])
m.close()
say("p.closed", p.closed)
