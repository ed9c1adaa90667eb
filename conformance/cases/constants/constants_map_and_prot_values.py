"""MAP_* and PROT_* values on Linux (MAP_STACK from 3.11, MAP_32BIT/MAP_NORESERVE from 3.13 may be absent)."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

for name in ("MAP_SHARED", "MAP_PRIVATE", "MAP_ANON", "MAP_ANONYMOUS", "MAP_DENYWRITE", "MAP_EXECUTABLE",
             "MAP_POPULATE", "MAP_STACK", "MAP_32BIT", "MAP_NORESERVE", "MAP_ALIGNED_SUPER", "MAP_CONCEAL",
             "MAP_HASSEMAPHORE", "MAP_JIT", "MAP_NOCACHE", "MAP_NOEXTEND", "MAP_RESILIENT_CODESIGN",
             "MAP_RESILIENT_MEDIA", "MAP_TPRO", "MAP_TRANSLATED_ALLOW_EXECUTE", "MAP_UNIX03",
             "PROT_READ", "PROT_WRITE", "PROT_EXEC"):
    say(name, getattr(mmap, name, "<absent>"))
