"""memoryview(m).cast() to wider formats reads/writes native-endian items."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

import struct
m = mmap.mmap(-1, 8)
with memoryview(m) as mv:
    with mv.cast("I") as iv:
        iv[0] = 0x01020304
        iv[1] = 0xA0B0C0D0
        say("len", len(iv))
        say("items", iv.tolist())
    say("bytes little-endian?", m[:4] == struct.pack("=I", 0x01020304))
m.close()
