"""mmap.error is OSError (and so is what mmap raises for system errors)."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

say("mmap.error is OSError", mmap.error is OSError)
say("mmap.error.__name__", mmap.error.__name__)
try:
    mmap.mmap(-1, 0)
except mmap.error as e:
    say("caught as mmap.error", describe(e))
