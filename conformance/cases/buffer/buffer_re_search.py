"""re works on an mmap directly (bytes patterns): search, findall, finditer, sub, split."""
import os, sys; sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mmap
from casekit import *

import re
data = b"alpha=1 beta=22 gamma=333\n"
m = mmap.mmap(-1, len(data))
m[:] = data
mo = re.search(rb"beta=(\d+)", m)
say("search", (mo.group(0), mo.group(1), mo.span()))
say("findall", re.findall(rb"(\w+)=(\d+)", m))
say("finditer spans", [x.span() for x in re.finditer(rb"\d+", m)])
say("sub", re.sub(rb"\d", b"#", m))
say("split", re.split(rb"\s", m))
show("str pattern on mmap", re.search, r"beta", m)
say("match at start", re.match(rb"alpha", m) is not None)
say("fullmatch", re.fullmatch(rb".*\n", m, re.S) is not None)
m.close()
