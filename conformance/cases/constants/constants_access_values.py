"""ACCESS_* constants and their values."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

for name in ("ACCESS_DEFAULT", "ACCESS_READ", "ACCESS_WRITE", "ACCESS_COPY"):
    v = getattr(mmap, name)
    say(name, (v, type(v).__name__))
