"""The type docstring mentions the Unix signature."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

doc = mmap.mmap.__doc__ or ""
say("mentions Unix signature", "mmap(fileno, length[, flags[, prot[, access[, offset" in doc)
say("first line", doc.splitlines()[0] if doc else None)
