"""find()/rfind() match a needle that straddles a page boundary and find the last byte."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

n = 2 * mmap.PAGESIZE
m = mmap.mmap(-1, n)
m[mmap.PAGESIZE - 2: mmap.PAGESIZE + 2] = b"NEED"
m[n - 1] = ord("Z")
show("find(b'NEED')", m.find, b"NEED")
show("rfind(b'NEED')", m.rfind, b"NEED")
show("find(b'Z')", m.find, b"Z")
show("rfind(b'\\x00')", m.rfind, b"\x00")
show("find(b'\\x00Z')", m.find, b"\x00Z")
m.close()
