"""Public methods are callable attributes of the type; closed is a data descriptor readable on instances only."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

names = ["close", "find", "flush", "madvise", "move", "read", "read_byte", "readline", "resize", "rfind",
         "seek", "size", "tell", "write", "write_byte"]
for name in names:
    say(name, callable(getattr(mmap.mmap, name)))
d = mmap.mmap.__dict__["closed"]
say("closed has __get__", hasattr(d, "__get__"))
say("closed has __set__", hasattr(d, "__set__"))
show("isinstance(mmap.mmap.closed, bool)", lambda: isinstance(mmap.mmap.closed, bool))
