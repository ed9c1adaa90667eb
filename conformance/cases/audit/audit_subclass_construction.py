"""Constructing a subclass raises the same mmap.__new__ event."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

events = []

def hook(event, args):
    if event == "mmap.__new__":
        events.append(args)

class MyMap(mmap.mmap):
    pass

sys.addaudithook(hook)
m = MyMap(-1, 6, access=mmap.ACCESS_WRITE)
m.close()
say("events", events)
