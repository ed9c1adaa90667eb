"""Create/use/close cycles of every flavour of map, then maps that are never closed, in one process; prints JSON.

    python resource_cycles.py MODULE CYCLES

Cycles: CYCLES anonymous ones (half MAP_SHARED, half MAP_PRIVATE) and CYCLES file-backed ones (a quarter each of
ACCESS_DEFAULT, ACCESS_READ, ACCESS_WRITE and ACCESS_COPY; mmap duplicates the descriptor every time). Each one
writes (where it may), reads, slices, finds, takes and releases a memoryview and closes. A tenth of them run first
as a warm-up, so that free lists, caches and the .NET heap reach their working size before the "before" figure.
The figures: open descriptors (/proc/self/fd) and resident memory (VmRSS), before and after.

Then maps that are never closed: FORGOTTEN maps of a file whose name is unique to this run, dropped with ``del``
(half of them inside reference cycles, which only the cyclic gc frees), and gc.collect(). The figures: how many
mappings of the file (/proc/self/maps) and descriptors of it (/proc/self/fd) there are with the maps alive and
after the collection.
"""

import gc
import importlib
import json
import mmap as stdlib_mmap
import os
import sys
import tempfile
import time

module = importlib.import_module(sys.argv[1])
cycles = int(sys.argv[2])
FORGOTTEN = 500
PAGE = stdlib_mmap.PAGESIZE


def resident_kib():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RuntimeError("no VmRSS in /proc/self/status")


def open_descriptors():
    return len(os.listdir("/proc/self/fd"))


def descriptors_of(path):
    count = 0
    for name in os.listdir("/proc/self/fd"):
        try:
            if os.readlink("/proc/self/fd/" + name) == path:
                count += 1
        except OSError:
            pass  # the descriptor listdir itself used, closed by now
    return count


def mappings_of(path):
    with open("/proc/self/maps") as maps:
        return sum(1 for line in maps if line.rstrip("\n").endswith(" " + path))


def use(m, writable):
    if writable:
        m[0] = 7
        m[10:20] = b"0123456789"
        m.seek(100)
        m.write(b"abc")
    m.seek(0)
    data = m.read(32) + m[5:50:3]
    found = m.find(b"345")
    with memoryview(m) as view:
        total = view[0] + view[len(view) - 1]
    m.close()
    return len(data) + found + total


def anonymous_cycle(i):
    flags = module.MAP_SHARED if i % 2 else module.MAP_PRIVATE
    return use(module.mmap(-1, 2 * PAGE, flags=flags), True)


ACCESSES = [(module.ACCESS_DEFAULT, True), (module.ACCESS_READ, False), (module.ACCESS_WRITE, True), (module.ACCESS_COPY, True)]


def file_cycle(fd, i):
    access, writable = ACCESSES[i % 4]
    return use(module.mmap(fd, 2 * PAGE, access=access), writable)


def measure():
    gc.collect()
    return {"open_fds": open_descriptors(), "rss_kib": resident_kib()}


def forget(path, n):
    """Maps the file n times and drops every map without closing it; half of them sit in reference cycles."""
    fd = os.open(path, os.O_RDWR)
    holders = []
    for i in range(n):
        m = module.mmap(fd, PAGE)
        m[i % PAGE] = 1
        if i % 2:
            cycle = {"map": m}
            cycle["self"] = cycle  # freed only by the cyclic collector
            holders.append(cycle)
        else:
            holders.append(m)
    os.close(fd)
    alive = {"mappings": mappings_of(path), "descriptors": descriptors_of(path)}
    del holders, m, cycle
    gc.collect()
    return alive, {"mappings": mappings_of(path), "descriptors": descriptors_of(path)}


folder = tempfile.mkdtemp(prefix="resource-cycles-")
path = os.path.join(folder, "backing-%d.bin" % os.getpid())
with open(path, "wb") as f:
    f.truncate(2 * PAGE)
fd = os.open(path, os.O_RDWR)

for i in range(cycles // 10):
    anonymous_cycle(i)
    file_cycle(fd, i)
before = measure()
started = time.monotonic()
for i in range(cycles):
    anonymous_cycle(i)
for i in range(cycles):
    file_cycle(fd, i)
seconds = time.monotonic() - started
after = measure()
os.close(fd)

forgotten_alive, forgotten_collected = forget(path, FORGOTTEN)
os.unlink(path)
os.rmdir(folder)

print(json.dumps({"module": module.__name__, "cycles": cycles, "seconds": round(seconds, 1), "before": before, "after": after,
                  "forgotten": FORGOTTEN, "forgotten_alive": forgotten_alive, "forgotten_collected": forgotten_collected}))
