"""repr() of a fresh anonymous map."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 18)
say("repr", repr(m))
say("str", str(m))
say("format", format(m))
say("f-string", f"{m}")
m.close()
