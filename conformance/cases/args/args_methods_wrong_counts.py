"""Too few / too many positional arguments for each method."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 8)
calls = (("read", (1, 2)), ("read_byte", (1,)), ("readline", (1,)), ("write", ()), ("write", (b"a", b"b")),
         ("write_byte", ()), ("write_byte", (1, 2)), ("seek", ()), ("seek", (0, 0, 0)), ("tell", (1,)),
         ("find", ()), ("find", (b"a", 0, 1, 2)), ("rfind", ()), ("flush", (0, 1, 2)), ("madvise", ()),
         ("madvise", (0, 0, 0, 0)), ("move", (0, 0)), ("move", (0, 0, 0, 0)), ("resize", ()), ("resize", (1, 2)),
         ("size", (1,)), ("close", (1,)), ("__enter__", (1,)), ("__len__", (1,)), ("__getitem__", ()), ("__setitem__", (0,)))
for name, args in calls:
    show("%s%r" % (name, args), getattr(m, name), *args)
show("__exit__(1, 2, 3, 4)", m.__exit__, 1, 2, 3, 4)
say("closed after odd __exit__ call", m.closed)
