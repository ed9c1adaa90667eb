"""struct.unpack_from / pack_into / iter_unpack operate on the map's buffer."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

import struct
m = mmap.mmap(-1, 16)
struct.pack_into("<IhB", m, 2, 0xDEADBEEF, -2, 7)
say("raw", m[:10].hex())
say("unpack_from", struct.unpack_from("<IhB", m, 2))
say("unpack whole", struct.unpack("<16B", m)[:10])
say("iter_unpack", list(struct.iter_unpack("<4s", m))[0])
show("pack_into out of range", struct.pack_into, "<Q", m, 12, 1)
m.close()
path = make_file(b"\x01\x00\x00\x00")
fd = open_fd(path)
ro = mmap.mmap(fd, 0, access=mmap.ACCESS_READ)
show("pack_into read-only", struct.pack_into, "<I", ro, 0, 5)
say("unpack read-only", struct.unpack("<I", ro))
ro.close()
