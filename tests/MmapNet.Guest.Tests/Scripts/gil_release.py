"""Whether the module lets other Python threads run during its long system calls, as the stdlib does.

    python gil_release.py MODULE

For each operation, a second Python thread spins while the main thread runs it, noting the longest gap between two
of its iterations. Held, the GIL stops the spinner from before the call until after it: its longest gap spans the
whole call. Released, it keeps running during the call, interrupted only when the CPU goes to others (in slices of
milliseconds, a small part of a call that takes over 100 ms). Prints JSON: per operation, its duration, the
spinner's longest gap, and the verdict.
"""

import gc
import importlib
import json
import os
import sys
import tempfile
import threading
import time

mmap = importlib.import_module(sys.argv[1])
SIZE = 256 << 20  # large enough that each call takes tens of milliseconds
# The share of the call the spinner's longest gap must reach for the GIL to count as held through it.
HELD_SHARE = 0.8

sys.setswitchinterval(0.001)
results = {}


def measure(name, setup, operation):
    context = setup()
    state = {"stop": False, "measuring": False, "longest": 0.0}

    def spinner():
        last = time.perf_counter()
        last_measuring = state["measuring"]
        while not state["stop"]:
            now = time.perf_counter()
            if last_measuring and now - last > state["longest"]:
                state["longest"] = now - last
            last = now
            last_measuring = state["measuring"]

    gc.disable()
    thread = threading.Thread(target=spinner)
    thread.start()
    time.sleep(0.05)
    state["measuring"] = True
    time.sleep(0.005)  # the spinner runs and sees the flag before the call
    start = time.perf_counter()
    operation(context)
    duration = time.perf_counter() - start
    state["measuring"] = False
    time.sleep(0.02)  # the spinner notes the gap that ends now
    state["stop"] = True
    thread.join()
    gc.enable()
    results[name] = {
        "seconds": round(duration, 4),
        "other_thread_longest_gap_seconds": round(state["longest"], 4),
        "released": state["longest"] < HELD_SHARE * duration,
    }


def populated():
    return {"map": mmap.mmap(-1, SIZE, flags=mmap.MAP_SHARED | mmap.MAP_ANONYMOUS | mmap.MAP_POPULATE)}


def dirty_file_map():
    descriptor, path = tempfile.mkstemp()
    os.ftruncate(descriptor, SIZE)
    m = mmap.mmap(descriptor, SIZE)
    os.close(descriptor)
    os.unlink(path)
    for offset in range(0, SIZE, mmap.PAGESIZE):
        m[offset] = 1
    return {"map": m}


measure("mmap() of 256 MiB with MAP_POPULATE", dict,
        lambda c: c.update(map=mmap.mmap(-1, SIZE, flags=mmap.MAP_SHARED | mmap.MAP_ANONYMOUS | mmap.MAP_POPULATE)))
measure("close() of 256 MiB populated", populated, lambda c: c["map"].close())
measure("deallocation of 256 MiB populated", populated, lambda c: c.clear())
measure("flush() of 256 MiB dirty", dirty_file_map, lambda c: c["map"].flush())
print(json.dumps(results, indent=1))
