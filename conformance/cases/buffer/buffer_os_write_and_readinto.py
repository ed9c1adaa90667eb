"""os.write(fd, m), file.write(m), file.readinto(m) and os.readv into a map."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

src = make_file(b"")
wfd = open_fd(src, os.O_RDWR)
m = mmap.mmap(-1, 6)
m[:] = b"mapped"
show("os.write(fd, m)", os.write, wfd, m)
with open(src, "ab") as f:
    show("f.write(m)", f.write, m)
say("file", read_file(src))
other = make_file(b"READINTO!")
with open(other, "rb") as f:
    show("f.readinto(m)", f.readinto, m)
say("map after readinto", m[:])
rfd = open_fd(make_file(b"VECTORED"), os.O_RDONLY)
show("os.readv(fd, [m])", os.readv, rfd, [m])
say("map after readv", m[:])
show("os.pread", os.pread, rfd, 3, 0)
m.close()
