"""Objects with __index__ are accepted wherever an integer is expected."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"0123456789" * 500)
fd = open_fd(path)
m = mmap.mmap(fd, Idx(5000), offset=Idx(0))
show("read(Idx(2))", m.read, Idx(2))
show("seek(Idx(1), Idx(1))", m.seek, Idx(1), Idx(1))
show("tell", m.tell)
show("find(b'5', Idx(0), Idx(9))", m.find, b"5", Idx(0), Idx(9))
show("rfind(b'5', Idx(0), Idx(9))", m.rfind, b"5", Idx(0), Idx(9))
show("write_byte(Idx(65))", m.write_byte, Idx(65))
show("m[Idx(3)]", m.__getitem__, Idx(3))
show("m[Idx(3)] = Idx(66)", m.__setitem__, Idx(3), Idx(66))
show("m[Idx(0):Idx(4)]", m.__getitem__, slice(Idx(0), Idx(4)))
show("move(Idx(0), Idx(3), Idx(1))", m.move, Idx(0), Idx(3), Idx(1))
show("flush(Idx(0), Idx(10))", m.flush, Idx(0), Idx(10))
show("madvise(Idx(mmap.MADV_NORMAL), Idx(0), Idx(10))", m.madvise, Idx(mmap.MADV_NORMAL), Idx(0), Idx(10))
show("resize(Idx(20))", m.resize, Idx(20))
say("content", m[:])
m.close()
