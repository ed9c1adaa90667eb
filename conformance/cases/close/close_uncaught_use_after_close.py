"""An uncaught ValueError from using a closed map ends the script (the runner compares the last stderr line and exit code 1)."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 4)
m.close()
print("about to read from a closed map")
sys.stdout.flush()
m.read()
print("not reached")
