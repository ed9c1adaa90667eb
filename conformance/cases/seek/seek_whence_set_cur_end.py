"""seek(pos, whence) for whence 0, 1, 2 (os.SEEK_SET/CUR/END)."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 10)
m.seek(3)
say("SET 3", m.tell())
m.seek(2, 1)
say("CUR +2", m.tell())
m.seek(-4, 1)
say("CUR -4", m.tell())
m.seek(-3, 2)
say("END -3", m.tell())
m.seek(0, 2)
say("END 0", m.tell())
m.seek(0, os.SEEK_SET)
say("SEEK_SET 0", m.tell())
m.seek(5, os.SEEK_CUR)
say("SEEK_CUR 5", m.tell())
m.seek(-1, os.SEEK_END)
say("SEEK_END -1", m.tell())
m.close()
