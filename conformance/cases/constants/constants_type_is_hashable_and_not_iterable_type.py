"""Protocol slots exposed as dunders on the type: __len__, __getitem__, __setitem__, __delitem__, __enter__, __exit__ present; __iter__, __contains__, __reversed__, __bytes__ absent."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

for name in ("__len__", "__getitem__", "__setitem__", "__delitem__", "__enter__", "__exit__", "__iter__",
             "__contains__", "__reversed__", "__bytes__", "__hash__", "__eq__", "__add__", "__mul__", "__sizeof__"):
    say(name, name in dir(mmap.mmap))
