"""Found by the differential fuzzer (seed 2, program 499, Python 3.12.1): `m.seek(Hook('m.close()', -1))` gives `!! ValueError: seek out of range` with the stdlib; mmapnet gave `!! ValueError: mmap closed or invalid` when the fuzzer found it."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from fuzzkit import Session, require

require('close_in_index')
s = Session(mmap, data=bytes(100))
s.run('m = mmap.mmap.__new__(mmap.mmap, fd, 99)')
s.run("m.seek(Hook('m.close()', -1))")
s.close()
