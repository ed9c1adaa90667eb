"""Found by the differential fuzzer (seed 5, program 77, Python 3.13.0): `m.madvise(23, Idx(1553), Hook('m.close()', -1))` gives `!! ValueError: madvise length invalid` with the stdlib; mmapnet gave `!! ValueError: mmap closed or invalid` when the fuzzer found it."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from fuzzkit import Session, require

require('close_in_index')
s = Session(mmap, data=bytes(4096))
s.run('m = mmap.mmap(fd, 4069)')
s.run("m.madvise(23, Idx(1553), Hook('m.close()', -1))")
s.close()
