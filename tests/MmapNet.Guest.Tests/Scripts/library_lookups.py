"""A map's whole life, for the dynamic linker's log (LD_DEBUG=libs): which libraries were searched for, and found.

    LD_DEBUG=libs python library_lookups.py MODULE

Imports MODULE and makes a file map and an anonymous one, resizes, flushes, searches and closes them: every native
library mmapnet's code asks for (glibc, its fault handlers) is asked for by then.
"""

import importlib
import os
import sys
import tempfile

module = importlib.import_module(sys.argv[1])
with tempfile.TemporaryFile() as backing:
    backing.truncate(1 << 16)
    with module.mmap(backing.fileno(), 0) as m:
        m[0:5] = b"hello"
        m.resize(1 << 17)
        m.flush()
        assert m.find(b"hello") == 0
with module.mmap(-1, 4096) as m:
    m.write(b"x" * 10)
    assert m.rfind(b"x", 0) == 9
print("done", flush=True)
os._exit(0)  # the log ends here: what the interpreter's shutdown loads is not the module's
