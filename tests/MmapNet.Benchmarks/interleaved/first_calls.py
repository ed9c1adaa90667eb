"""The first calls of the operations in a fresh process, A/B between two checkouts (CoreCLR route by default).

    python first_calls.py BASE NEW PROCESSES [OPERATION ...]

Runs this script's child part (--child) in PROCESSES fresh processes per checkout, the two alternated, each importing
mmapnet from that checkout's python/ folder, and prints for each operation the median over the processes of its first
call, in microseconds. On the CoreCLR route the first call of an operation compiled at its first call is the JIT's
work (docs/performance.md). MMAPNET_BACKEND chooses the route (coreclr unless set).
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time

MAP = 1 << 16


def child():
    started = time.perf_counter_ns()
    import mmapnet

    print("import", (time.perf_counter_ns() - started) / 1e3)
    descriptor, path = tempfile.mkstemp()
    os.write(descriptor, b"\0" * (1 << 20))
    os.unlink(path)
    held = {}

    def anonymous():
        held["m"] = mmapnet.mmap(-1, MAP)

    def file_map():
        held["f"] = mmapnet.mmap(descriptor, 0)

    def deallocation():
        mmapnet.mmap(-1, 4096)

    # In this order: each needs what the ones before made.
    operations = [
        ("ctor", anonymous), ("filector", file_map),
        ("setslice", lambda: held["m"].__setitem__(slice(0, 100), b"ab\n" * 33 + b"z")),
        ("len", lambda: len(held["m"])), ("m[i]", lambda: held["m"][5]), ("slice", lambda: held["m"][10:74]),
        ("tell", lambda: held["m"].tell()), ("seek", lambda: held["m"].seek(0)),
        ("read_byte", lambda: held["m"].read_byte()), ("readline", lambda: held["m"].readline()),
        ("find", lambda: held["m"].find(b"z")), ("rfind", lambda: held["m"].rfind(b"b\na")),
        ("size", lambda: held["f"].size()), ("flush", lambda: held["f"].flush()),
        ("madvise", lambda: held["f"].madvise(mmapnet.MADV_NORMAL)), ("repr", lambda: repr(held["f"])),
        ("enter", lambda: held["f"].__enter__()), ("exit", lambda: held["f"].__exit__(None, None, None)),
        ("close", lambda: held["m"].close()), ("dealloc", deallocation),
    ]
    for name, operation in operations:
        started = time.perf_counter_ns()
        operation()
        print(name, (time.perf_counter_ns() - started) / 1e3)
    os.close(descriptor)


def main(base, new, processes, selected):
    sides = {"base": base, "new": new}
    firsts = {side: {} for side in sides}
    for _ in range(processes):
        for side, checkout in sides.items():
            environment = dict(os.environ, PYTHONPATH=os.path.join(checkout, "python"))
            environment.setdefault("MMAPNET_BACKEND", "coreclr")
            environment.pop("MMAPNET_ASSEMBLY_DIR", None)
            output = subprocess.run([sys.executable, __file__, "--child"], env=environment, capture_output=True,
                                    text=True, check=True).stdout
            for line in output.splitlines():
                name, microseconds = line.split()
                firsts[side].setdefault(name, []).append(float(microseconds))
    names = [name for name in firsts["base"] if not selected or name in selected]
    print("%-10s %12s %12s   first call, us: median of %d fresh processes per side (%s)"
          % ("operation", "base", "new", processes, os.environ.get("MMAPNET_BACKEND", "coreclr")))
    for name in names:
        print("%-10s %12.1f %12.1f" % (name, statistics.median(firsts["base"][name]), statistics.median(firsts["new"][name])))
    # The whole first pass of each process (every operation once, import excluded), then its median.
    totals = {side: [sum(values[i] for name, values in firsts[side].items() if name != "import") for i in range(processes)]
              for side in sides}
    print("%-10s %12.1f %12.1f" % ("all ops", statistics.median(totals["base"]), statistics.median(totals["new"])))


if __name__ == "__main__":
    if sys.argv[1:] == ["--child"]:
        child()
    elif len(sys.argv) >= 4:
        main(sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:])
    else:
        raise SystemExit(__doc__)
