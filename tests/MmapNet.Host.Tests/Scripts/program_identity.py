"""Prints what a program sees of how it was started: python and mmapnet-host must print the same."""
import os
import signal
import sys
import threading

print("argv", sys.argv)
print("name", __name__)
print("file", __file__)
print("path0", sys.path[0])
print("cached", __cached__)
print("loader", type(__loader__).__name__, getattr(__loader__, "name", None), getattr(__loader__, "path", None))
print("spec", __spec__)
print("executable", sys.executable)
print("prefix", sys.prefix, sys.base_prefix)
print("main thread", threading.current_thread() is threading.main_thread())
print("stdio", sys.stdout.encoding, sys.stdout.errors, sys.stderr.errors, sys.flags.utf8_mode)
print("signals", signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGPIPE))
print("cwd is not on the path", os.getcwd() not in sys.path[1:] or os.getcwd() == sys.path[0])
import mmap
print("mmap type", mmap.mmap.__module__, mmap.mmap.__qualname__, mmap.PAGESIZE > 0)
