"""After close(), using the closed map in a with statement: __enter__ raises ValueError, __exit__ still works."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"line one\nline two\n")
fd = open_fd(path)
m = mmap.mmap(fd, 0)
m.seek(3)
m.close()
def use():
    with m:
        return "entered"
show("with m", use)
show("__enter__()", m.__enter__)
show("__exit__(None, None, None)", m.__exit__, None, None, None)
show("__exit__()", m.__exit__)
