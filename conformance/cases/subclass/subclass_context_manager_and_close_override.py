"""Which close() does __exit__ call in a subclass that overrides close()?"""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

calls = []

class Tracking(mmap.mmap):
    def close(self):
        calls.append("close")
        super().close()

    def __exit__(self, *exc):
        calls.append("exit")
        return super().__exit__(*exc)

with Tracking(-1, 4) as m:
    calls.append("body")
say("calls", calls)
say("closed", m.closed)

class CloseOnly(mmap.mmap):
    def close(self):
        calls.append("CloseOnly.close")
        super().close()

calls.clear()
with CloseOnly(-1, 4) as m2:
    pass
say("calls (close override only)", calls)
say("closed", m2.closed)
