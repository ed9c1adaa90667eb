"""Every operation of mmapnet's types once, for the list of the methods the JIT compiles in the process.

    DOTNET_JitStdOutFile=LIST DOTNET_JitDisasmSummary=1 MMAPNET_BACKEND=coreclr python first_call_compilation.py [import]

The runtime writes LIST, the methods it compiled in order, by the end of the process. With `import`, the script only
imports mmapnet: what that compiles is the import's, which a run without it compiles too; whatever else a run without
it compiles is the operations', their common paths, their slower ones and their refusals.
"""

import ctypes
import gc
import os
import sys
import tempfile

import mmapnet

if sys.argv[1:] == ["import"]:
    print("done")
    raise SystemExit(0)


class Index:
    def __init__(self, value):
        self.value = value

    def __index__(self):
        return self.value


def refused(call, *arguments):
    """Runs an operation its arguments make fail (the error paths are compiled ahead too)."""
    try:
        call(*arguments)
    except (TypeError, ValueError, IndexError, OverflowError, BufferError, OSError):
        return
    raise AssertionError("%r%r did not fail" % (call, arguments))


# The floor type's operations: of the same kinds as the map's, and precompiled the same way.
floor = mmapnet._native._TransitionFloor()
len(floor)
floor[0]
floor.nothing()
floor.small_int()
floor.nothing_with_arguments(1)
memoryview(floor)[4096:4160].release()
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
    # sq_ass_item, which only the C API's sequence calls reach.
    set_item = ctypes.pythonapi.PySequence_SetItem
    set_item.argtypes = (ctypes.py_object, ctypes.c_ssize_t, ctypes.py_object)
    set_item(m, 0, b"x")
    # The slower paths: ints through __index__ and past one digit, None, buffers that are not bytes.
    m[Index(3)]
    m[Index(1):Index(9)]
    m[2 ** 40 : 2 ** 41]
    m[Index(4)] = Index(5)
    m.seek(Index(0))
    m.read(None)
    m.seek(0)
    m.write(bytearray(b"xy"))
    m[0:2] = bytearray(b"zw")
    m.find(bytearray(b"zw"), Index(0))
    # And refusals: each raises the stdlib's exception.
    refused(m.__getitem__, 1 << 40)
    refused(m.__getitem__, "a")
    refused(m.__setitem__, 0, 256)
    refused(m.__setitem__, slice(0, 2), b"abc")
    refused(m.__delitem__, 0)
    refused(m.seek, 1 << 40)
    refused(m.write_byte, 300)
    refused(m.move, 0, 4000, 200)
    refused(m.flush, 1, 2)
    gc.collect()  # the type's tp_traverse, over the maps alive
    # Each search kernel of each width: 256-bit vectors, 128-bit ones (fewer than 32 positions), bytes (fewer than 16).
    m.find(b"ab")
    m.rfind(b"ab")
    m.find(b"a", 1, 100)
    m.find(b"q", 0, 4096)  # not there: past the first two vectors, into the four-vectors-a-step kernel
    m.find(b"ab", 0, 20)
    m.rfind(b"ab", 0, 20)
    m.find(b"a", 0, 20)
    m.find(b"ab", 0, 10)
    m.rfind(b"ab", 0, 10)
    m.find(b"a", 0, 10)
    m.close()
    refused(len, m)
    refused(m.__getitem__, 0)
    refused(m.read_byte)
    refused(m.tell)
    refused(m.find, b"a")
    with open(path, "rb") as read_only_file:
        read_only = mmapnet.mmap(read_only_file.fileno(), 0, access=mmapnet.ACCESS_READ)
        refused((ctypes.c_char * 4).from_buffer, read_only)  # a writable buffer of a read-only map
        refused(read_only.write, b"a")
        read_only.close()
    unclosed = mmapnet.mmap(-1, 4096)
    del unclosed  # deallocated open: the dealloc unmaps it
finally:
    os.close(descriptor)
    os.unlink(path)

print("done")
