"""memoryview(m): format, itemsize, ndim, shape, strides, nbytes, readonly, contiguity, obj."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"abcdef")
fd = open_fd(path)
for name in ("ACCESS_DEFAULT", "ACCESS_READ", "ACCESS_WRITE", "ACCESS_COPY"):
    m = mmap.mmap(fd, 0, access=getattr(mmap, name))
    with memoryview(m) as mv:
        say(name, (mv.format, mv.itemsize, mv.ndim, mv.shape, mv.strides, mv.nbytes, mv.readonly,
                   mv.c_contiguous, mv.f_contiguous, mv.contiguous, mv.obj is m))
    m.close()
