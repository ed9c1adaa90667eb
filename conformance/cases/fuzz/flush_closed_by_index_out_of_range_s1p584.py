"""Found by the differential fuzzer (seed 1, program 584, Python 3.12.1): `m.flush(Hook('m.close()', -1))` gives `!! ValueError: flush values out of range` with the stdlib; mmapnet gave `!! ValueError: mmap closed or invalid` when the fuzzer found it."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from fuzzkit import Session, require

require('close_in_index')
s = Session(mmap, data=b'')
s.run('m = mmap.mmap(-1, 1, access=mmap.ACCESS_COPY)')
s.run("m.flush(Hook('m.close()', -1))")
s.close()
