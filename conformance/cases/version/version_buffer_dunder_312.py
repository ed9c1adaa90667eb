"""__buffer__/__release_buffer__ exist from 3.12 (PEP 688); AttributeError before."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

import inspect
m = mmap.mmap(-1, 4)
mv = show("m.__buffer__(0)", lambda: m.__buffer__(0))
if mv is not None:
    say("readonly", mv.readonly)
    show("close() while exported", m.close)
    show("m.__release_buffer__(mv)", m.__release_buffer__, mv)
    show("close() after release", m.close)
else:
    show("m.__release_buffer__", lambda: m.__release_buffer__)
    m.close()
try:
    import collections.abc as cabc
    say("isinstance(m, collections.abc.Buffer)", isinstance(m, cabc.Buffer) if hasattr(cabc, "Buffer") else "no collections.abc.Buffer")
except Exception as e:
    say("abc", describe(e))
