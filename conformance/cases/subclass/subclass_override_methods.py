"""Overridden read/write/__getitem__/__len__ are used by Python callers; super() reaches the originals."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

class Upper(mmap.mmap):
    def read(self, n=-1):
        return super().read(n).upper()

    def write(self, data):
        return super().write(bytes(data).lower())

    def __getitem__(self, key):
        r = super().__getitem__(key)
        return ("item", r)

    def __len__(self):
        return super().__len__() * 10

m = Upper(-1, 6)
say("write", m.write(b"HeLLo!"))
m.seek(0)
say("read", m.read())
say("m[1]", m[1])
say("m[0:2]", m[0:2])
say("len", len(m))
say("bytes(m) (buffer, not overridden)", bytes(m))
say("list(m)[:2] (iteration)", list(m)[:2])
say("b'h' in m", b"h" in m)
say("('item', b'h') in m", ("item", b"h") in m)
m.close()
