"""Creating an anonymous map raises the audit event mmap.__new__ with (fileno, length, access, offset)."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

events = []

def hook(event, args):
    if event.startswith("mmap"):
        events.append((event, args))

sys.addaudithook(hook)
m = mmap.mmap(-1, 16)
m.close()
m = mmap.mmap(-1, 8, access=mmap.ACCESS_READ)
m.close()
m = mmap.mmap(-1, 8, flags=mmap.MAP_PRIVATE | mmap.MAP_ANONYMOUS, prot=mmap.PROT_READ)
m.close()
for e in events:
    say("event", e)
