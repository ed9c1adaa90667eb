"""find() returns the lowest index or -1, and never moves the position."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 16)
m[:] = b"hello world, hi!"
for needle in (b"h", b"hello", b"world", b"hi!", b"!", b"xyz", b"hello world, hi!", b"hello world, hi!!", b"o"):
    show("find(%r)" % needle, m.find, needle)
say("tell", m.tell())
m.close()
