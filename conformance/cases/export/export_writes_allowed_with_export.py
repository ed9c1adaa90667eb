"""With a live export, writing, moving, seeking and flushing still work; only close/resize are blocked."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"abcdefgh")
fd = open_fd(path)
m = mmap.mmap(fd, 0)
mv = memoryview(m)
show("write", m.write, b"AB")
show("move", m.move, 4, 0, 2)
show("seek", m.seek, 0)
show("flush", m.flush)
show("madvise", m.madvise, mmap.MADV_NORMAL)
say("mv.tobytes()", mv.tobytes())
mv.release()
m.close()
