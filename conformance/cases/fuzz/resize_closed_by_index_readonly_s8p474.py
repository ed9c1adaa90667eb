"""Found by the differential fuzzer (seed 8, program 474, Python 3.13.0): `m.resize(Hook('m.close()', 8192))` gives `!! TypeError: mmap can't resize a readonly or copy-on-write memory map.` with the stdlib; mmapnet gave `!! ValueError: mmap closed or invalid` when the fuzzer found it."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from fuzzkit import Session, require

require('close_in_index')
s = Session(mmap, data=b'\x9d')
s.run('m = mmap.mmap(fd, 0, access=mmap.ACCESS_READ)')
s.run("m.resize(Hook('m.close()', 8192))")
s.close()
