"""Writes a probe for a type checker: reveal_type() of every public name of the stdlib mmap (as this interpreter has
it) and of every member of the mmap type, through `import MODULE as target`, plus a few uses that must be errors.

argv: MODULE OUTPUT. Two probes that differ only by MODULE (mmap, mmapnet) must give the same diagnostics.
"""
import mmap
import sys

module, output = sys.argv[1], sys.argv[2]
# mmap.error is OSError at runtime, but typeshed does not declare it: the two stubs differ there on purpose.
names = sorted(name for name in dir(mmap) if not name.startswith("_") and name != "error")
members = ["close", "closed", "find", "flush", "madvise", "move", "read", "read_byte", "readline", "resize", "rfind",
           "seek", "seekable", "size", "tell", "write", "write_byte", "__len__", "__getitem__", "__setitem__",
           "__delitem__", "__contains__", "__iter__", "__enter__", "__exit__", "__buffer__", "__release_buffer__",
           "__new__"]
lines = ["import %s as target" % module, "m = target.mmap(-1, 10)"]
lines += ["reveal_type(target.%s)" % name for name in names]
lines += ["reveal_type(m.%s)" % member for member in members]
lines += [
    "reveal_type(target.mmap)",
    "reveal_type(m[0])",
    "reveal_type(m[0:2])",
    "reveal_type(iter(m))",
    "reveal_type(b'a' in m)",
    "reveal_type(m.seek(0))",
    "with target.mmap(-1, 1) as w:",
    "    reveal_type(w)",
    "reveal_type(target.mmap(-1, 10, trackfd=False))",
    "m['x']",
    "m[0] = b'x'",
    "m.find('text')",
]
with open(output, "w", encoding="utf-8") as probe:
    probe.write("\n".join(lines) + "\n")
