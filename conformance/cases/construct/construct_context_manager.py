"""with mmap(...) as m: __enter__ returns the same object, __exit__ closes it."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

with mmap.mmap(-1, 4) as m:
    say("closed inside", m.closed)
    m.write(b"abcd")
    say("content", m[:])
outer = m
say("closed after", outer.closed)
m2 = mmap.mmap(-1, 4)
say("__enter__ returns self", m2.__enter__() is m2)
show("__exit__(None, None, None)", m2.__exit__, None, None, None)
say("closed", m2.closed)
try:
    with mmap.mmap(-1, 4) as m3:
        raise KeyError("inside")
except KeyError as e:
    say("exception propagated", describe(e))
say("closed after exception", m3.closed)
