"""seekable() exists from 3.13 and returns True; on older versions it is absent (skipped)."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 4)
if hasattr(m, "seekable"):
    show("seekable()", m.seekable)
    show("seekable(1)", m.seekable, 1)
    path = make_file(b"abc")
    fd = open_fd(path)
    r = mmap.mmap(fd, 0, access=mmap.ACCESS_READ)
    show("ACCESS_READ seekable()", r.seekable)
    r.close()
else:
    say("seekable", "not available on this version (skipped)")
show("getattr(m, 'seekable') is callable", lambda: callable(getattr(m, "seekable")))
m.close()
