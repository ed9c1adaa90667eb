"""Leaving a with block while a memoryview is alive: __exit__ raises BufferError and the map stays open."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

mv = None
try:
    with mmap.mmap(-1, 4) as m:
        mv = memoryview(m)
except BufferError as e:
    say("with block raised", describe(e))
say("closed", m.closed)
mv.release()
m.close()
say("closed after release", m.closed)
