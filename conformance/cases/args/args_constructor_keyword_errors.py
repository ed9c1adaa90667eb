"""Unknown keywords, Windows-only tagname, and an argument given both positionally and by keyword."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

show("bogus=1", lambda: mmap.mmap(-1, 4, bogus=1))
show("tagname='x'", lambda: mmap.mmap(-1, 4, tagname="x"))
show("length twice", lambda: mmap.mmap(-1, 4, length=4))
show("fileno twice", lambda: mmap.mmap(-1, 4, fileno=-1))
show("fd=", lambda: mmap.mmap(fd=-1, length=4))
show("size=", lambda: mmap.mmap(-1, size=4))
