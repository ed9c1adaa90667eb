"""Found by the differential fuzzer (seed 1, program 360, Python 3.12.1): `m.seek(Hook('m.close()', 3), 3)` gives `!! ValueError: unknown seek type` with the stdlib; mmapnet gave `!! ValueError: mmap closed or invalid` when the fuzzer found it."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from fuzzkit import Session, require

require('close_in_index')
s = Session(mmap, data=b'\x00')
s.run('m = mmap.mmap(fd, 0)')
s.run("m.seek(Hook('m.close()', 3), 3)")
s.close()
