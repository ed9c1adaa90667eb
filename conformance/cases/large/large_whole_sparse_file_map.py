"""Map a whole 5 GiB sparse file (length 0): len, size(), first/last bytes, find near the end, slicing at 4 GiB."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

size = 5 * 2**30
path = make_file(b"", size=size)
fd = open_fd(path)
os.pwrite(fd, b"TAIL", size - 4)
os.pwrite(fd, b"MID", 2**32 - 1)
m = mmap.mmap(fd, 0)
say("len", len(m))
say("size()", m.size())
say("m[0]", m[0])
say("m[-4:]", m[-4:])
say("m[2**32 - 1 : 2**32 + 2]", m[2**32 - 1: 2**32 + 2])
say("m[2**32]", m[2**32])
say("find(b'TAIL', size - 4096)", m.find(b"TAIL", size - 4096))
say("rfind(b'MID', 2**32 - 4096, 2**32 + 4096)", m.rfind(b"MID", 2**32 - 4096, 2**32 + 4096))
m.seek(2**32 + 5)
say("tell", m.tell())
say("repr", repr(m))
m.seek(-4, 2)
say("read", m.read())
m.close()
