"""3.13 trackfd accepts any object and uses its truth value (checked via resize() of an anonymous private map)."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

for label, v in (("0", 0), ("1", 1), ("'yes'", "yes"), ("''", ""), ("None", None), ("[]", [])):
    try:
        m = mmap.mmap(-1, 4, flags=mmap.MAP_PRIVATE | mmap.MAP_ANONYMOUS, trackfd=v)
    except TypeError as e:
        say("trackfd=%s" % label, describe(e))
        continue
    say("trackfd=%s" % label, "ok")
    show("  resize(8)", m.resize, 8)
    m.close()
