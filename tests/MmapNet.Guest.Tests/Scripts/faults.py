"""A fault on a map's memory, as a user meets one: the process must end as CPython's does.

    python faults.py MODULE SCENARIO FAULTHANDLER

SCENARIO is SOURCE-ACCESS. SOURCE: `truncated` (a 3-page file map whose file is cut to one page behind its back),
`grown` (a shared anonymous map grown by resize(): its new pages have no backing) or `noaccess` (a map made with
prot=0). ACCESS: what touches a page with nothing behind it. FAULTHANDLER: `off`, `before` (faulthandler enabled
before the module is imported) or `after`. Prints what it does before the touch; the touch ends the process.
"""

import faulthandler
import importlib
import mmap as stdlib_mmap
import os
import sys
import tempfile

name, scenario, handler = sys.argv[1:4]
if handler == "before":
    faulthandler.enable()
module = importlib.import_module(name)
if handler == "after":
    faulthandler.enable()
PAGE = stdlib_mmap.PAGESIZE


def say(text):
    print(text, flush=True)  # flushed: the next line may end the process


source, access = scenario.split("-", 1)
if source == "truncated":
    descriptor, path = tempfile.mkstemp()
    os.write(descriptor, b"x" * 3 * PAGE)
    m = module.mmap(descriptor, 3 * PAGE)
    os.ftruncate(descriptor, PAGE)
    os.close(descriptor)
    os.unlink(path)
    start = PAGE
elif source == "grown":
    m = module.mmap(-1, PAGE, flags=module.MAP_SHARED | module.MAP_ANONYMOUS)
    m.resize(3 * PAGE)
    start = PAGE
elif source == "noaccess":
    m = module.mmap(-1, 3 * PAGE, prot=0)
    start = 0
else:
    raise SystemExit("unknown source " + source)

say("made, length %d" % len(m))
m.seek(start)
accesses = {
    "index": lambda: m[start],
    "assign": lambda: m.__setitem__(start + 1, 7),
    "slice": lambda: m[start:start + 16],
    "stepped": lambda: m[start:start + 64:3],
    "assign-slice": lambda: m.__setitem__(slice(start, start + 4), b"abcd"),
    "find": lambda: m.find(b"y", start),
    "rfind": lambda: m.rfind(b"y", start),
    "readline": lambda: m.readline(),
    "read-byte": lambda: m.read_byte(),
    "read": lambda: m.read(16),
    "write": lambda: m.write(b"abcd"),
    "iterate": lambda: list(m[start:start + 1]) + [b for b in m],
    "memoryview": lambda: bytes(memoryview(m)[start:start + 4]),
}
say("touching: " + access)
accesses[access]()
say("touched, still alive")
