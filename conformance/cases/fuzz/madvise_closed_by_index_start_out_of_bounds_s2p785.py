"""Found by the differential fuzzer (seed 2, program 785, Python 3.12.1): `m.madvise(Idx(0), Hook('n.close()', -1), 1)` gives `!! ValueError: madvise start out of bounds` with the stdlib; mmapnet gave `!! ValueError: mmap closed or invalid` when the fuzzer found it."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from fuzzkit import Session, require

require('close_in_index')
s = Session(mmap, data=b'\xa6')
s.run('m = mmap.mmap(fd, 0, access=mmap.ACCESS_READ)')
s.run('n = m')
s.run("m.madvise(Idx(0), Hook('n.close()', -1), 1)")
s.close()
