"""A fatal signal sent to the process (kill, raise), not made by a fault: the process must end as CPython's does.

    python fatal_signals.py MODULE SIGNAL FAULTHANDLER

SIGNAL is SIGSEGV, SIGBUS, SIGFPE or SIGILL, the signals faulthandler handles that the .NET runtime handles too.
FAULTHANDLER: `off`, or `before` (enabled before the module is imported). CPython dies of the signal, after
faulthandler's traceback when it is on; the .NET runtime's handler, which takes these signals for faults, must not
keep the process alive or abort it instead.
"""

import faulthandler
import importlib
import os
import signal
import sys

name, signal_name, handler = sys.argv[1:4]
if handler == "before":
    faulthandler.enable()
module = importlib.import_module(name)
module.mmap(-1, 4096).close()
print("sending " + signal_name, flush=True)
os.kill(os.getpid(), getattr(signal, signal_name))
print("still alive", flush=True)
