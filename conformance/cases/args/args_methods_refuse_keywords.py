"""No mmap method accepts keyword arguments. The message differs by call style: m.read(n=1) vs m.read(**{'n': 1}) (CPython words them differently for METH_VARARGS methods)."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

m = mmap.mmap(-1, 8)
direct = (("read(n=1)", lambda: m.read(n=1)), ("read_byte(x=1)", lambda: m.read_byte(x=1)),
          ("readline(size=1)", lambda: m.readline(size=1)), ("write(data=b'x')", lambda: m.write(data=b"x")),
          ("write_byte(byte=1)", lambda: m.write_byte(byte=1)), ("seek(pos=0)", lambda: m.seek(pos=0)),
          ("seek(0, whence=0)", lambda: m.seek(0, whence=0)), ("tell(x=1)", lambda: m.tell(x=1)),
          ("find(sub=b'x')", lambda: m.find(sub=b"x")), ("rfind(b'x', start=0)", lambda: m.rfind(b"x", start=0)),
          ("flush(offset=0)", lambda: m.flush(offset=0)), ("madvise(option=0)", lambda: m.madvise(option=0)),
          ("move(dest=0, src=0, count=0)", lambda: m.move(dest=0, src=0, count=0)),
          ("resize(newsize=8)", lambda: m.resize(newsize=8)), ("size(x=1)", lambda: m.size(x=1)),
          ("close(x=1)", lambda: m.close(x=1)), ("__enter__(x=1)", lambda: m.__enter__(x=1)),
          ("__exit__(x=1)", lambda: m.__exit__(x=1)))
for label, fn in direct:
    show("direct " + label, fn)
for name, kw in (("read", {"n": 1}), ("read_byte", {"x": 1}), ("write", {"data": b"x"}), ("seek", {"pos": 0}),
                 ("tell", {"x": 1}), ("find", {"sub": b"x"}), ("flush", {"offset": 0}), ("resize", {"newsize": 8}),
                 ("close", {"x": 1})):
    meth = getattr(m, name)
    show("via **kwargs %s(**%r)" % (name, kw), lambda: meth(**kw))
say("closed", m.closed)
m.close()
