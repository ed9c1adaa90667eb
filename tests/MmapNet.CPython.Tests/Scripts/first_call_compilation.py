"""The first calls of the operations compiled ahead (MmapTypeDeclaration.cs: Compiled = Compilation.Ahead), between markers
for the list of the methods the JIT compiles.

    DOTNET_JitStdOutFile=LIST DOTNET_JitDisasmSummary=1 MMAPNET_BACKEND=coreclr python first_call_compilation.py

The runtime writes LIST, the methods it compiled in order, by the end of the process. The first call of a method of
the floor type (mmapnet._mmapnet._TransitionFloor), whose entry point is compiled at that call, marks each end: its
`nothing` before the operations, its `nothing_with_arguments` after them. A call-bound operation follows (m[0], whose
entry point is compiled at its first call too): it shows the list was written at all.
"""

import gc
import os
import tempfile

import mmapnet

# No cyclic collection in between: it would call the type's tp_traverse, which is compiled at its first call.
gc.disable()

floor = mmapnet._native._TransitionFloor()
floor.nothing()

descriptor, path = tempfile.mkstemp()
try:
    os.write(descriptor, b"\0" * 8192)
    with mmapnet.mmap(descriptor, 0) as file_map:
        file_map.size()
        file_map.flush()
        repr(file_map)
        file_map.madvise(mmapnet.MADV_NORMAL)
        file_map.resize(16384)
    anonymous = mmapnet.mmap(-1, 4096)
    anonymous.close()
    unclosed = mmapnet.mmap(-1, 4096)
    del unclosed  # deallocated open: the dealloc unmaps it
finally:
    os.close(descriptor)
    os.unlink(path)

floor.nothing_with_arguments()
call_bound = mmapnet.mmap(-1, 16)
call_bound[0]
print("done")
