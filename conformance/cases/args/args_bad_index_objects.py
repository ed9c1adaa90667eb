"""__index__ that raises, or returns a non-int, propagates the error (int subclasses are fine)."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

class Boom:
    def __index__(self):
        raise RuntimeError("boom")

class NotInt:
    def __index__(self):
        return 1.5

class MyInt(int):
    pass

m = mmap.mmap(-1, 8)
m[:] = b"abcdefgh"
show("read(Boom())", m.read, Boom())
show("seek(Boom())", m.seek, Boom())
show("m[Boom()]", m.__getitem__, Boom())
show("m[0] = Boom()", m.__setitem__, 0, Boom())
show("find(b'a', Boom())", m.find, b"a", Boom())
show("read(NotInt())", m.read, NotInt())
show("m[NotInt()]", m.__getitem__, NotInt())
show("resize(NotInt())", m.resize, NotInt())
show("mmap(-1, Boom())", mmap.mmap, -1, Boom())
show("mmap(-1, NotInt())", mmap.mmap, -1, NotInt())
show("read(MyInt(3))", m.read, MyInt(3))
show("m[MyInt(1)]", m.__getitem__, MyInt(1))
m.close()
