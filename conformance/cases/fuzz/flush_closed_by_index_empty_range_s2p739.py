"""Found by the differential fuzzer (seed 2, program 739, Python 3.12.1): `m.flush(0, Hook('m.close()', 0))` gives `-> None` with the stdlib; mmapnet gave `!! ValueError: mmap closed or invalid` when the fuzzer found it."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from fuzzkit import Session, require

require('close_in_index')
s = Session(mmap, data=b'')
s.run('m = mmap.mmap(-1, 4096)')
s.run("m.flush(0, Hook('m.close()', 0))")
s.close()
