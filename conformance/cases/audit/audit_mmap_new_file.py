"""For a file map the event carries the caller's fd, the requested length (0 stays 0), access and offset."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

events = []

def hook(event, args):
    if event == "mmap.__new__":
        events.append(args)

g = mmap.ALLOCATIONGRANULARITY
path = make_file(b"x" * (2 * g))
fd = open_fd(path)
sys.addaudithook(hook)
m = mmap.mmap(fd, 0)
m.close()
m = mmap.mmap(fd, 10, access=mmap.ACCESS_COPY, offset=g)
m.close()
for args in events:
    say("fd matches", args[0] == fd)
    say("length, access, offset", args[1:])
    say("arg count", len(args))
