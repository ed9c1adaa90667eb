"""write() of a non-contiguous memoryview raises BufferError."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 4)
show("write(memoryview(b'abcdef')[::2])", m.write, memoryview(b"abcdef")[::2])
say("tell", m.tell())
show("write(memoryview(b'abcdef')[::-1])", m.write, memoryview(b"abcdef")[::-1])
m.close()
