"""Prints, as JSON, what a program run by ``python`` or by ``python -m mmapnet run`` can see of how it was run,
then which module ``import mmap`` gave it."""

import json
import os
import sys

import mmap

m = mmap.mmap(-1, 4)
print(json.dumps({
    "argv": sys.argv,
    "__name__": __name__,
    "__file__": __file__,
    "__spec__": None if __spec__ is None else __spec__.name,
    "__package__": __package__,
    "__loader__": type(__loader__).__name__,
    "__cached__": globals().get("__cached__", "(not set)"),
    "__builtins__": type(__builtins__).__name__,
    "dunder globals": sorted(name for name in globals() if name.startswith("__")),
    "code filename": sys._getframe().f_code.co_filename,
    "sys.path[0]": sys.path[0],
    "cwd": os.getcwd(),
    "main module is this one": sys.modules["__main__"].__dict__ is globals(),
    "mmap type": "%s.%s" % (type(m).__module__, type(m).__qualname__),
    "maps work": (m.write(b"ok"), m[:2].decode()),
}, indent=1, sort_keys=True))
print("mmap served by:", mmap.__name__)
