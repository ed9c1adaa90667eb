"""write() accepts bytes-like objects and refuses str, int, None and lists."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

import array
m = mmap.mmap(-1, 16)
src = mmap.mmap(-1, 2)
src[:] = b"MM"
for label, v in (("bytearray", bytearray(b"ba")), ("memoryview", memoryview(b"mv")), ("array('B')", array.array("B", b"ar")),
                 ("array('I') 1 item", array.array("I", [0x64636261])), ("mmap", src),
                 ("str", "st"), ("int", 3), ("None", None), ("list", [1, 2])):
    show("write(%s)" % label, m.write, v)
say("tell", m.tell())
say("content", m[:])
show("write()", m.write)
show("write(b'a', b'b')", m.write, b"a", b"b")
show("write(data=b'a')", lambda: m.write(data=b"a"))
m.close(); src.close()
