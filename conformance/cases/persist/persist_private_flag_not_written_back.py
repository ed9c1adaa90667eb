"""flags=MAP_PRIVATE writes never reach the file, even after flush and close."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

path = make_file(b"original!")
fd = open_fd(path)
m = mmap.mmap(fd, 0, flags=mmap.MAP_PRIVATE)
m[:] = b"modified!"
m.flush()
other = mmap.mmap(fd, 0)
say("other shared map", other[:])
m.close(); other.close()
say("file", read_file(path))
