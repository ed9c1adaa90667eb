"""Found by the differential fuzzer (seed 4, program 530, Python 3.13.0): `m.move(1, Hook('m.close()', 2), 98)` gives `!! TypeError: mmap can't modify a readonly memory map.` with the stdlib; mmapnet gave `!! ValueError: mmap closed or invalid` when the fuzzer found it."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from fuzzkit import Session, require

require('close_in_index')
s = Session(mmap, data=b'\n')
s.run('m = mmap.mmap(fd, 0, access=mmap.ACCESS_READ)')
s.run("m.move(1, Hook('m.close()', 2), 98)")
s.close()
