"""Found by the differential fuzzer (seed 8, program 30, Python 3.13.0): `m.resize(Hook('m.close()', 1))` gives `!! OSError: [Errno 14] Bad address [errno=EFAULT]` with the stdlib; mmapnet gave `!! ValueError: mmap closed or invalid` when the fuzzer found it."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from fuzzkit import Session, require

require('close_in_index')
s = Session(mmap, data=b'')
s.run('m = Sub(-1, 1)')
s.run("m.resize(Hook('m.close()', 1))")
s.close()
