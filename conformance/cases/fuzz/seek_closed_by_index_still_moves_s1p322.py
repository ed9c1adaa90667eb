"""Found by the differential fuzzer (seed 1, program 322, Python 3.12.1): `m.seek(Hook('m.close()', 0), 2)` gives `-> None` with the stdlib; mmapnet gave `!! ValueError: mmap closed or invalid` when the fuzzer found it."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from fuzzkit import Session, require

require('close_in_index')
s = Session(mmap, data=b'')
s.run('m = Sub(-1, 10)')
s.run("m.seek(Hook('m.close()', 0), 2)")
s.close()
