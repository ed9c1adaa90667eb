"""codecs.decode, io.BytesIO(m) and sock-free consumers take the map as a buffer."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

import codecs, io
m = mmap.mmap(-1, 5)
m[:] = b"h\xc3\xa9!!"
say("codecs.decode utf-8", codecs.decode(m, "utf-8"))
say("io.BytesIO(m).read()", io.BytesIO(m).read())
bio = io.BytesIO()
bio.write(m)
say("BytesIO.write", bio.getvalue())
say("bytes(m).decode()", bytes(m).decode("utf-8"))
show("m.decode", lambda: m.decode("utf-8"))
m.close()
