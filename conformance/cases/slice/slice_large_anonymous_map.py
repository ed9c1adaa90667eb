"""Slicing across page boundaries of a larger map returns the right bytes."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

n = 3 * mmap.PAGESIZE + 17
m = mmap.mmap(-1, n)
data = bytes(i % 251 for i in range(n))
m[:] = data
say("cross page", m[mmap.PAGESIZE - 3: mmap.PAGESIZE + 3])
say("whole equals data", m[:] == data)
say("stepped equals", m[::997] == data[::997])
say("reverse stepped equals", m[::-997] == data[::-997])
say("reverse stepped head", m[::-997][:5])
say("tail", m[-5:])
m.close()
