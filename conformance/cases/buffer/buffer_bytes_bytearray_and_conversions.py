"""bytes(), bytearray(), str(m, enc), int.from_bytes, bytes.join, b'' + m and m.hex-like helpers."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 4)
m[:] = b"\x00\x01AB"
say("bytes(m)", bytes(m))
say("bytearray(m)", bytearray(m))
say("str(m[2:], 'ascii')", str(m[2:], "ascii"))
show("str(m, 'latin-1')", str, m, "latin-1")
say("int.from_bytes big", int.from_bytes(m, "big"))
say("b'>' + m", b">" + m)
say("bytearray(b'>') + m", bytearray(b">") + m)
show("m + b'<'", lambda: m + b"<")
show("m * 2", lambda: m * 2)
say("b'|'.join([m, m])", b"|".join([m, m]))
say("bytes(m).hex()", bytes(m).hex())
say("memoryview(m).hex()", memoryview(m).hex())
say("bytes.fromhex", bytes.fromhex("41"))
say("b'AB' in bytes(m)", b"AB" in bytes(m))
say("bytes(m).find(b'A')", bytes(m).find(b"A"))
say("b'xx\\x00\\x01ABxx'.find(m)", b"xx\x00\x01ABxx".find(m))
m.close()
