"""Found by the differential fuzzer (seed 4, program 88, Python 3.13.0): `m.flush(Hook('m.close()', 0))` gives `!! OSError: [Errno 12] Cannot allocate memory [errno=ENOMEM]` with the stdlib; mmapnet gave `!! ValueError: mmap closed or invalid` when the fuzzer found it."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from fuzzkit import Session, require

require('close_in_index')
s = Session(mmap, data=b'')
s.run('m = mmap.mmap(-1, 8195, flags=mmap.MAP_PRIVATE)')
s.run("m.flush(Hook('m.close()', 0))")
s.close()
