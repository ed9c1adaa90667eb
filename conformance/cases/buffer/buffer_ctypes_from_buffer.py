"""ctypes from_buffer() works on writable maps, from_buffer_copy on any; read-only maps refuse from_buffer."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

import ctypes, gc
m = mmap.mmap(-1, 8)
m[:] = b"\x01\x00\x00\x00\x02\x00\x00\x00"
arr = (ctypes.c_uint32 * 2).from_buffer(m)
say("values", list(arr))
arr[1] = 0x41424344
say("map after ctypes write", m[4:])
show("from_buffer with offset 4", lambda: ctypes.c_uint32.from_buffer(m, 4).value)
show("from_buffer too big", lambda: (ctypes.c_uint32 * 3).from_buffer(m))
show("from_buffer_copy", lambda: list((ctypes.c_uint8 * 4).from_buffer_copy(m)))
del arr
gc.collect()
m.close()
path = make_file(b"abcdefgh")
fd = open_fd(path)
ro = mmap.mmap(fd, 0, access=mmap.ACCESS_READ)
show("from_buffer on ACCESS_READ", lambda: (ctypes.c_char * 8).from_buffer(ro))
show("from_buffer_copy on ACCESS_READ", lambda: (ctypes.c_char * 8).from_buffer_copy(ro).raw)
ro.close()
