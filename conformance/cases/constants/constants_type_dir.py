"""dir(mmap.mmap): the attributes of the type (varies by version: __getstate__ 3.11+, __buffer__ 3.12+, seekable 3.13+)."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

say("type attributes", sorted(dir(mmap.mmap)))
m = mmap.mmap(-1, 1)
say("instance dir == type dir", sorted(dir(m)) == sorted(dir(mmap.mmap)))
m.close()
