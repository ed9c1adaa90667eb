"""Which failing constructor calls still raise mmap.__new__: argument/access validation happens before the event, file-size and mmap(2) errors after it."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

events = []

def hook(event, args):
    if event == "mmap.__new__":
        events.append(args)

sys.addaudithook(hook)
empty = make_file(b"")
fd = open_fd(empty)
cases = (("empty file", lambda: mmap.mmap(fd, 0)),
         ("unaligned offset", lambda: mmap.mmap(-1, 4, offset=1)),
         ("negative length", lambda: mmap.mmap(-1, -1)),
         ("negative offset", lambda: mmap.mmap(-1, 4, offset=-1)),
         ("bad access", lambda: mmap.mmap(-1, 4, access=7)),
         ("access with flags", lambda: mmap.mmap(-1, 4, flags=mmap.MAP_PRIVATE, access=mmap.ACCESS_READ)),
         ("bad type", lambda: mmap.mmap(-1, "4")),
         ("closed fd 9999", lambda: mmap.mmap(9999, 4)),
         ("length 0 anonymous", lambda: mmap.mmap(-1, 0)))
for label, fn in cases:
    before = len(events)
    show(label, fn)
    fired = events[before:]
    say("  events", [tuple("<fd>" if (i == 0 and v == fd) else v for i, v in enumerate(a)) for a in fired])
