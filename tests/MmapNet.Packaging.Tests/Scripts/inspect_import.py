"""Imports mmapnet, uses it, and prints as JSON how it was loaded and what it looks like next to the stdlib mmap.

Also lists the .NET runtime libraries mapped into this process (from /proc/self/maps), so a test can tell a
process that ran mmapnet without any .NET runtime from one that booted CoreCLR.
"""
import json
import mmap
import os
import sys

import mmapnet

m = mmapnet.mmap(-1, 4096)
m.write(b"hello, mmapnet")
found = m.find(b"mmapnet", 0)
m.close()


def public(module):
    return sorted(name for name in dir(module) if not name.startswith("_"))


with open("/proc/self/maps") as maps:
    mapped = {line.split()[-1] for line in maps if "/" in line}
dotnet_markers = ("libcoreclr", "libhostfxr", "libhostpolicy", "libclrjit", "System.Private.CoreLib")

print(json.dumps({
    "python": "%d.%d.%d" % sys.version_info[:3],
    "backend": mmapnet.__backend__,
    "package": os.path.dirname(os.path.realpath(mmapnet.__file__)),
    "native_file": getattr(mmapnet._native, "__file__", None),
    "find": found,
    "type": "%s.%s" % (mmapnet.mmap.__module__, mmapnet.mmap.__qualname__),
    "is_stdlib_type": mmapnet.mmap is mmap.mmap,
    "names_only_in_mmapnet": sorted(set(public(mmapnet)) - set(public(mmap))),
    "names_only_in_mmap": sorted(set(public(mmap)) - set(public(mmapnet))),
    "dotnet_libraries": sorted(path for path in mapped if any(marker in path for marker in dotnet_markers)),
}))
