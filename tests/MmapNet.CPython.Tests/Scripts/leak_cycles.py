"""Creates, uses and closes maps CYCLES times in one process and prints, as JSON, what could grow if anything
leaked: the process's resident memory, its open descriptors, the gc's tracked objects, and the reference
counts of the objects every cycle touches.

    python leak_cycles.py MODULE CYCLES FILE_CYCLES

Each cycle, on a small anonymous map: slice assignment, write, slices (plain and stepped), find, rfind, seek,
read, readline, read_byte, indexing, the buffer protocol (memoryview and ctypes-free struct.unpack_from), an
error raised and caught on the open map and another on the closed map, and close. Then FILE_CYCLES cycles of a
file-backed map (whose descriptor mmap duplicates: a write, then close), to count descriptors. A tenth of each
(at least 20,000 and 10,000) runs first as a warm-up, so that caches, free lists and the .NET runtime's heap
have reached their working size before the "before" measurement.
"""

import gc
import importlib
import json
import os
import struct
import sys
import tempfile
import time

module = importlib.import_module(sys.argv[1])
cycles, file_cycles = int(sys.argv[2]), int(sys.argv[3])
MapType = module.mmap
needle = bytes(b"needle-%d" % 7)  # made at run time: its count is only what this script holds, not a constant's
SMALL = 5  # a small int used by every cycle


def resident_kib():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RuntimeError("no VmRSS in /proc/self/status")


def open_descriptors():
    return len(os.listdir("/proc/self/fd"))


def cycle():
    m = MapType(-1, 64)
    m[8:8 + len(needle)] = needle
    m.write(b"head")
    head, stepped = m[0:SMALL], m[::SMALL]
    found, back = m.find(needle), m.rfind(needle, 0, 40)
    m.seek(SMALL)
    line, byte, item = m.read(SMALL), m.read_byte(), m[SMALL]
    m.seek(0)
    m.readline()
    view = memoryview(m)
    value = struct.unpack_from("<I", view, SMALL)[0]
    view.release()
    try:
        m[64]
    except IndexError:
        pass
    m.close()
    try:
        m.read(1)
    except ValueError:
        pass
    return found + back + len(head) + len(stepped) + len(line) + byte + item + value


def file_cycle(descriptor):
    m = MapType(descriptor, 4096)
    m[0] = 1
    m.close()


def measure():
    gc.collect()
    return {
        "rss_kib": resident_kib(),
        "open_fds": open_descriptors(),
        "gc_objects": len(gc.get_objects()),
        "refcount_type": sys.getrefcount(MapType),
        "refcount_needle": sys.getrefcount(needle),
        "refcount_small_int": sys.getrefcount(SMALL),
        "refcount_IndexError": sys.getrefcount(IndexError),
        "refcount_ValueError": sys.getrefcount(ValueError),
    }


with tempfile.TemporaryFile() as backing:
    backing.truncate(4096)
    descriptor = backing.fileno()
    for _ in range(max(cycles // 10, 20000)):
        cycle()
    for _ in range(max(file_cycles // 10, 10000)):
        file_cycle(descriptor)
    before = measure()
    started = time.monotonic()
    for _ in range(cycles):
        cycle()
    for _ in range(file_cycles):
        file_cycle(descriptor)
    elapsed = time.monotonic() - started
    after = measure()

print(json.dumps({"module": module.__name__, "cycles": cycles, "file_cycles": file_cycles, "seconds": round(elapsed, 1),
                  "before": before, "after": after}))
