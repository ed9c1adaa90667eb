"""What a weakref callback and weakref.finalize see when a map dies: whether its memory is still mapped and its own
descriptor (the duplicate mmap keeps) still open. The stdlib unmaps and closes first, then clears weak references.

    python dealloc_order.py MODULE
"""

import gc
import importlib
import os
import sys
import tempfile
import weakref

mmap = importlib.import_module(sys.argv[1])


def still_there(path):
    with open("/proc/self/maps") as maps:
        mapped = sum(1 for line in maps if line.rstrip().endswith(path))
    descriptors = 0
    for name in os.listdir("/proc/self/fd"):
        try:
            if os.readlink(os.path.join("/proc/self/fd", name)) == path:
                descriptors += 1
        except OSError:
            pass
    return "mapped %d, descriptors %d" % (mapped, descriptors)


folder = tempfile.mkdtemp()
for how in ("del", "cycle collected", "closed first"):
    path = os.path.join(folder, how.replace(" ", "-"))
    with open(path, "wb") as f:
        f.write(b"x" * 8192)
    descriptor = os.open(path, os.O_RDWR)
    m = mmap.mmap(descriptor, 8192)
    os.close(descriptor)  # from here on only the map's own duplicate points at the file
    seen = []
    reference = weakref.ref(m, lambda ref, path=path: seen.append("weakref callback: " + still_there(path)))
    weakref.finalize(m, lambda path=path: seen.append("finalize: " + still_there(path)))
    print("%s, alive: %s" % (how, still_there(path)))
    if how == "closed first":
        m.close()
    if how == "cycle collected":
        holder = [m]
        holder.append(holder)
        del holder
    del m
    gc.collect()
    for line in seen:
        print("%s, %s" % (how, line))
    os.unlink(path)
os.rmdir(folder)
