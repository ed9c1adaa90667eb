"""An exception raised by an audit hook aborts mmap construction and propagates."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

class Refused(Exception):
    pass

def hook(event, args):
    if event == "mmap.__new__" and args[1] == 13:
        raise Refused("length 13 refused by audit hook")

sys.addaudithook(hook)
show("mmap(-1, 13)", mmap.mmap, -1, 13)
m = show("mmap(-1, 12)", mmap.mmap, -1, 12)
m.close()
