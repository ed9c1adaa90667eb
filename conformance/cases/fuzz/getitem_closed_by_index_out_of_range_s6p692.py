"""Found by the differential fuzzer (seed 6, program 692, Python 3.13.0): `m[Hook('m.close()', 4097)]` gives `!! IndexError: mmap index out of range` with the stdlib; mmapnet gave `!! ValueError: mmap closed or invalid` when the fuzzer found it."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from fuzzkit import Session, require

require('close_in_index')
s = Session(mmap, data=b'')
s.run('m = mmap.mmap(-1, 10, flags=mmap.MAP_PRIVATE)')
s.run("m[Hook('m.close()', 4097)]")
s.close()
