"""The process's memory and threads around map cycles: what importing the module and using it costs.

    python memory_and_threads.py MODULE CYCLES

Prints JSON: resident memory (VmRSS, KiB) before the import, right after it, after one cycle, after CYCLES more (each
cycle creates a small anonymous map, writes, slices, searches and closes it, and one in a hundred a file map), and the
threads of the process (names, from /proc) after the import.
"""

import importlib
import json
import os
import sys
import tempfile


def resident_kib():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RuntimeError("no VmRSS in /proc/self/status")


def threads():
    names = []
    for task in os.listdir("/proc/self/task"):
        with open("/proc/self/task/%s/comm" % task) as comm:
            names.append(comm.read().strip())
    return sorted(names)


before_import = resident_kib()
mmap = importlib.import_module(sys.argv[1])
after_import = resident_kib()
thread_names = threads()
cycles = int(sys.argv[2])
descriptor, path = tempfile.mkstemp()
os.write(descriptor, b"\0" * 4096)


def cycle(i):
    m = mmap.mmap(-1, 64)
    m[0:8] = b"abcdefgh"
    m.write(b"xyz")
    m[1:7:2]
    m.find(b"def")
    m.close()
    if i % 100 == 0:
        f = mmap.mmap(descriptor, 4096)
        f[0] = 1
        f.close()


cycle(0)
after_one = resident_kib()
for i in range(cycles):
    cycle(i)
after_cycles = resident_kib()
os.close(descriptor)
os.unlink(path)
print(json.dumps({
    "rss_kib": {"before_import": before_import, "after_import": after_import, "after_one_cycle": after_one,
                "after_cycles": after_cycles},
    "cycles": cycles,
    "threads_after_import": thread_names,
}))
