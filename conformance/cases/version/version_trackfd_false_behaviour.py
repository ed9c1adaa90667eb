"""3.13 trackfd=False: the map works, but resize() raises ValueError and size() fails (no fd kept)."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"untracked fd")
fd = open_fd(path)
try:
    m = mmap.mmap(fd, 0, trackfd=False)
except TypeError as e:
    say("trackfd unsupported here (skipped)", describe(e))
else:
    say("content", m[:])
    show("size()", m.size)
    show("resize(20)", m.resize, 20)
    show("flush()", m.flush)
    m[0:2] = b"UN"
    show("repr", repr, m)
    m.close()
    say("file", read_file(path))
