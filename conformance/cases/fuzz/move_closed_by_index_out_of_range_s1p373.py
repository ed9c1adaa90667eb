"""Found by the differential fuzzer (seed 1, program 373, Python 3.12.1): `m.move(Hook('m.close()', 9223372036854775807), 4095, 0)` gives `!! ValueError: source, destination, or count out of range` with the stdlib; mmapnet gave `!! ValueError: mmap closed or invalid` when the fuzzer found it."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from fuzzkit import Session, require

require('close_in_index')
s = Session(mmap, data=b'\x8f')
s.run('m = mmap.mmap(Idx(fd), 1)')
s.run("m.move(Hook('m.close()', 9223372036854775807), 4095, 0)")
s.close()
