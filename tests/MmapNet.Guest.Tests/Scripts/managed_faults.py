"""A fault that .NET code makes itself is the exception the .NET runtime makes of it, under mmapnet's fault handlers.

    python managed_faults.py mmapnet FAULTHANDLER          (the CoreCLR route, where `import clr` works, or the host)

FAULTHANDLER: `off`, or `before` (enabled before the module is imported). mmapnet's handlers (Native/memory_faults.c)
sit over the runtime's and hand it every fault that is not a map's: a null read in managed code (SIGSEGV, which the
runtime turns into NullReferenceException, and Marshal.ReadByte into AccessViolationException) and an integer division
by zero (SIGFPE on x86-64, DivideByZeroException) must reach Python as those exceptions, and the process live on.
"""

import faulthandler
import importlib
import sys

name, handler = sys.argv[1:3]
if handler == "before":
    faulthandler.enable()
module = importlib.import_module(name)
module.mmap(-1, 4096).close()  # the handlers are in once a map has been made
import clr  # noqa: E402  (pythonnet, in the runtime that the import started)

from System import Int32, IntPtr, Math  # noqa: E402
from System.Runtime.InteropServices import Marshal  # noqa: E402

faults = [
    ("integer division by zero", lambda: Math.DivRem(Int32(1), Int32(0))),
    ("null read", lambda: Marshal.ReadByte(IntPtr.Zero)),
]
for what, fault in faults:
    for attempt in (1, 2):  # the second shows the handlers are still in place and working after the first
        try:
            fault()
        except Exception as error:  # pythonnet raises the .NET exception itself
            print("%s, attempt %d: %s" % (what, attempt, type(error).__name__), flush=True)
        else:
            print("%s, attempt %d: no exception" % (what, attempt), flush=True)
print("alive", flush=True)
