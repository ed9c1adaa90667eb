"""hashlib, zlib.crc32/adler32 and binascii accept the map as a buffer."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

import binascii, hashlib, zlib
m = mmap.mmap(-1, 11)
m[:] = b"hello world"
say("sha256", hashlib.sha256(m).hexdigest())
h = hashlib.md5()
h.update(m)
say("md5 update", h.hexdigest())
say("crc32", zlib.crc32(m))
say("adler32", zlib.adler32(m))
say("hexlify", binascii.hexlify(m))
say("b2a_base64", binascii.b2a_base64(m))
say("zlib round trip", zlib.decompress(zlib.compress(m)))
m.close()
