"""Only construction is audited: methods (read, write, resize, flush, close...) raise no mmap events."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

events = []

def hook(event, args):
    if "mmap" in event:
        events.append(event)

path = make_file(b"abcdef")
fd = open_fd(path)
m = mmap.mmap(fd, 0)
sys.addaudithook(hook)
m.read(2); m.write(b"x"); m.seek(0); m.find(b"a"); m.flush(); m.resize(8); m.size(); m.madvise(mmap.MADV_NORMAL)
m.move(0, 1, 1); m[0]; m[0] = 1; bytes(m); m.close()
say("events after creation", events)
n = mmap.mmap(-1, 4)
n.close()
say("events after a new map", events)
