"""__exit__ of a subclass: 3.10 calls the (overridden) close() method, 3.11+ closes directly."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

calls = []

class Traced(mmap.mmap):
    def close(self):
        calls.append("Traced.close")
        return super().close()

with Traced(-1, 4) as m:
    pass
say("calls", calls)
say("closed", m.closed)
calls.clear()
t = Traced(-1, 4)
show("__exit__(None, None, None)", t.__exit__, None, None, None)
say("calls", calls)
