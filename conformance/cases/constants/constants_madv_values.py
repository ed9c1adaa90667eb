"""MADV_* constants present on Linux and their values."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

for name in ("MADV_NORMAL", "MADV_RANDOM", "MADV_SEQUENTIAL", "MADV_WILLNEED", "MADV_DONTNEED", "MADV_FREE",
             "MADV_REMOVE", "MADV_DONTFORK", "MADV_DOFORK", "MADV_HWPOISON", "MADV_MERGEABLE", "MADV_UNMERGEABLE",
             "MADV_SOFT_OFFLINE", "MADV_HUGEPAGE", "MADV_NOHUGEPAGE", "MADV_DONTDUMP", "MADV_DODUMP",
             "MADV_NOSYNC", "MADV_AUTOSYNC", "MADV_NOCORE", "MADV_CORE", "MADV_PROTECT", "MADV_FREE_REUSABLE",
             "MADV_FREE_REUSE"):
    say(name, getattr(mmap, name, "<absent>"))
