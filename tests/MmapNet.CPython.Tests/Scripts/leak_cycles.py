"""Creates, uses and closes maps CYCLES times in one process and prints, as JSON, what could grow if anything
leaked: the process's resident memory, its open descriptors, the gc's tracked objects, and the reference
counts of the objects every cycle touches.

    python leak_cycles.py MODULE CYCLES FILE_CYCLES

Each cycle, on a small anonymous map: slice assignment, write, slices (plain and stepped), find (of a bytes and
of a bytearray), a bytearray assigned to a slice and written past the end (which fails with its buffer taken),
seek, read, indexing, the buffer protocol (a memoryview, read by struct.unpack_from, released), an error raised
and caught on the open map, close, and an error on the closed map. Then FILE_CYCLES cycles of a
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
chunk = bytearray(b"a bytearray")  # taken through the buffer protocol (not the bytes fast path), released each time
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
    found = m.find(needle) + m.find(chunk)
    m[20:20 + len(chunk)] = chunk
    m.seek(60)
    try:
        m.write(chunk)  # too long: fails with the buffer taken
    except ValueError:
        pass
    m.seek(SMALL)
    data, item = m.read(SMALL), m[SMALL]
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
    return found + len(head) + len(stepped) + len(data) + item + value


def file_cycle(descriptor):
    m = MapType(descriptor, 4096)
    m[0] = 1
    m.close()


def chunk_is_released():
    """A bytearray with a live export cannot change size: True when every buffer taken of it was released."""
    try:
        chunk.append(0)
    except BufferError:
        return 0
    chunk.pop()
    return 1


def measure():
    gc.collect()
    return {
        "rss_kib": resident_kib(),
        "open_fds": open_descriptors(),
        "gc_objects": len(gc.get_objects()),
        "refcount_type": sys.getrefcount(MapType),
        "refcount_needle": sys.getrefcount(needle),
        "refcount_bytearray": sys.getrefcount(chunk),
        "bytearray_released": chunk_is_released(),
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
    started, cpu_started = time.monotonic(), time.process_time()
    for _ in range(cycles):
        cycle()
    for _ in range(file_cycles):
        file_cycle(descriptor)
    elapsed, cpu = time.monotonic() - started, time.process_time() - cpu_started
    after = measure()

print(json.dumps({"module": module.__name__, "cycles": cycles, "file_cycles": file_cycles, "seconds": round(elapsed, 1),
                  "cpu_seconds": round(cpu, 1),
                  "before": before, "after": after}))
