"""start/end past the end are clamped to the length."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 10)
m[:] = b"0123456789"
for args in ((b"9", 0, 100), (b"9", 9, 2**62), (b"9", 10), (b"9", 100), (b"", 10), (b"", 11), (b"", 100, 200), (b"", 0, 100)):
    show("find%r" % (args,), m.find, *args)
m.close()
