"""Found by the differential fuzzer (seed 2611, program 9754, Python 3.10.13): `m.move(3, 3, 7)` on a MAP_PRIVATE file map writes the bytes back (CPython calls memmove), which makes the page the map's own copy: a later write to the file through `n` no longer shows in `m`. A copy that skips the store when source and destination are the same (Buffer.MemoryCopy does) leaves the page shared and `m` showing the file, so the move must store the bytes even then."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from fuzzkit import Session, require

s = Session(mmap, data=bytes(10))
s.run('m = mmap.mmap(fd, 0, flags=mmap.MAP_PRIVATE)')
s.run('n = mmap.mmap(fd, 0)')
s.run('m.move(3, 3, 7)')
s.run("n.write(memoryview(b'dcgh'))")
s.close()
