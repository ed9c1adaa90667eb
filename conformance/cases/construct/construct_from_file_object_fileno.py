"""Mapping via f.fileno() of a file object opened r+b."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"from a file object")
with open(path, "r+b") as f:
    m = mmap.mmap(f.fileno(), 0)
    say("content", m[:])
    m[0:4] = b"FROM"
    m.flush()
    m.close()
say("file", read_file(path))
