"""Two shared maps of the same file see each other's writes immediately."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"0123456789")
fd1 = open_fd(path)
fd2 = open_fd(path)
a = mmap.mmap(fd1, 0)
b = mmap.mmap(fd2, 0)
a[0:3] = b"AAA"
say("b sees", b[:])
b[7:] = b"BBB"
say("a sees", a[:])
c = mmap.mmap(fd1, 0)
say("third map of same fd", c[:])
a.close(); b.close(); c.close()
say("file", read_file(path))
