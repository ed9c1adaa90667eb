"""Mapping the character device /dev/zero: size checks are skipped for non-regular files; size() reports 0."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

fd = open_fd("/dev/zero")
show("length 0", mmap.mmap, fd, 0)
m = show("length 8192 shared", mmap.mmap, fd, 8192)
if m is not None:
    m[0:4] = b"zero"
    say("content head", m[:6])
    show("size()", m.size)
    m.close()
m = show("length 100 ACCESS_COPY", mmap.mmap, fd, 100, access=mmap.ACCESS_COPY)
if m is not None:
    say("sum", sum(m[:]))
    m.close()
