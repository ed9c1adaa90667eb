"""Every operation of mmapnet's types once, for the list of the methods the JIT compiles in the process.

    DOTNET_JitStdOutFile=LIST DOTNET_JitDisasmSummary=1 MMAPNET_BACKEND=coreclr python first_call_compilation.py [import]

The runtime writes LIST, the methods it compiled in order, by the end of the process. With `import`, the script only
imports mmapnet and makes the floor type's instance: what that compiles is the import's, which a run without it
compiles too; whatever else a run without it compiles is the operations'.
"""

import gc
import os
import sys
import tempfile

import mmapnet

floor = mmapnet._native._TransitionFloor()
if sys.argv[1:] == ["import"]:
    print("done")
    raise SystemExit(0)

# The floor type's operations: of the same kinds as the map's, and precompiled the same way.
len(floor)
floor[0]
floor.nothing()
floor.small_int()
floor.nothing_with_arguments(1)
for _ in floor:
    break

descriptor, path = tempfile.mkstemp()
try:
    os.write(descriptor, b"line one\nline two\n" + b"\0" * 8174)
    with mmapnet.mmap(descriptor, 0) as file_map:
        file_map.size()
        file_map.flush()
        repr(file_map)
        file_map.madvise(mmapnet.MADV_NORMAL)
        file_map.resize(16384)
        file_map.closed
        file_map.readline()
    m = mmapnet.mmap(-1, 4096)
    len(m)
    m[0]
    m[1:65]
    m[::3]
    m[0] = 1
    m[1:3] = b"ab"
    m[0:6:2] = b"xyz"
    b"a" in m
    for _ in m:
        break
    with memoryview(m) as view:
        view[0:4].tobytes()
    m.seek(0)
    m.read(16)
    m.read_byte()
    m.tell()
    m.write(b"abc")
    m.write_byte(7)
    m.seek(0, os.SEEK_END)
    m.seek(-2, os.SEEK_CUR)
    m.move(0, 8, 16)
    if hasattr(m, "seekable"):
        m.seekable()
    gc.collect()  # the type's tp_traverse, over the maps alive
    m.find(b"ab")
    m.rfind(b"ab")
    m.find(b"a", 1, 100)
    m.close()
    unclosed = mmapnet.mmap(-1, 4096)
    del unclosed  # deallocated open: the dealloc unmaps it
finally:
    os.close(descriptor)
    os.unlink(path)

print("done")
