"""dir(mmap): the public names of the module."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

say("public names", sorted(n for n in dir(mmap) if not n.startswith("_")))
# The module object itself is the substitute (its __name__ is its own); the type is what must match.
say("type names", (mmap.mmap.__module__, mmap.mmap.__name__, mmap.mmap.__qualname__))
say("has __all__", hasattr(mmap, "__all__"))
