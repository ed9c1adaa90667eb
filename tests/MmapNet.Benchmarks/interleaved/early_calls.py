"""Calls from a process's first milliseconds against the same calls warm, for the stdlib's mmap and mmapnet.

    python early_calls.py PROCESSES [OPERATION ...]        (ops.py's operations, on ops.py's fixtures)

Runs this script's child part (--child MODULE) in PROCESSES fresh processes per module, the two alternated, and prints
for each operation the medians over the processes of: its first call (us); the next 200 calls, made at once after it
(ns per call, "early"); and 200 calls after 100,000 more ("warm"). The statement is unrolled 200 times in one
function, so the loop costs nothing. mmapnet comes from this checkout's python/ folder, on the route MMAPNET_BACKEND
names (coreclr unless set).

Early calls are slower than warm ones for the stdlib too (CPython specializes a statement's bytecode after its first
executions, and the caches are cold), so the table compares mmapnet with the stdlib at each stage: early and warm are
mmapnet's time over the stdlib's, and early/warm says what mmapnet adds in the first milliseconds beyond what warm
calls pay (1.00: nothing; issue 14 asks for at most 1.10).
"""

import os
import statistics
import subprocess
import sys
import time

import ops  # the operations and their fixtures, as the interleaved A/B times them (this folder)

COPIES = 200
WARM_ROUNDS = 500  # 100,000 calls before the warm measurement


def child(module_name, selected):
    file_descriptor = ops.scratch_file()
    started = time.perf_counter_ns()
    module = __import__(module_name)
    imported_us = (time.perf_counter_ns() - started) / 1e3
    scope = ops.fixtures(module, file_descriptor)
    print("import", imported_us, 0, 0)
    for name, statement in ops.OPERATIONS.items():
        if selected and name not in selected:
            continue
        once = _function(statement, 1, scope)
        many = _function(statement, COPIES, scope)
        started = time.perf_counter_ns()
        once()
        first_us = (time.perf_counter_ns() - started) / 1e3
        started = time.perf_counter_ns()
        many()
        early_ns = (time.perf_counter_ns() - started) / COPIES
        for _ in range(WARM_ROUNDS):
            many()
        started = time.perf_counter_ns()
        many()
        warm_ns = (time.perf_counter_ns() - started) / COPIES
        print(name, first_us, early_ns, warm_ns)
    for value in scope.values():
        if isinstance(value, module.mmap):
            value.close()


def _function(statement, copies, scope):
    source = "def run():\n" + ("    %s\n" % statement) * copies
    namespace = dict(scope)
    exec(compile(source, "<%s>" % statement, "exec"), namespace)
    return namespace["run"]


def main(processes, selected):
    here = os.path.dirname(os.path.abspath(__file__))
    checkout = os.path.normpath(os.path.join(here, "..", "..", ".."))
    environment = dict(os.environ, PYTHONPATH=os.path.join(checkout, "python"))
    environment.setdefault("MMAPNET_BACKEND", "coreclr")
    results = {"mmap": {}, "mmapnet": {}}
    for _ in range(processes):
        for module_name in results:
            output = subprocess.run([sys.executable, __file__, "--child", module_name] + selected, env=environment,
                                    capture_output=True, text=True, check=True).stdout
            for line in output.splitlines():
                name, first, early, warm = line.split()
                results[module_name].setdefault(name, []).append((float(first), float(early), float(warm)))
    print("medians of %d fresh processes per module, mmapnet on %s: the first call (us); calls 2-%d (early) and calls"
          " after %d more (warm), as mmapnet's time over the stdlib's; early over warm, which is 1 when mmapnet's calls"
          " from the first milliseconds are as fast, against the stdlib's, as warm ones"
          % (processes, environment["MMAPNET_BACKEND"], COPIES + 1, WARM_ROUNDS * COPIES))
    print("%-12s %10s %10s %10s %10s %12s" % ("operation", "std first", "net first", "early", "warm", "early/warm"))
    for name in results["mmapnet"]:
        std, net = results["mmap"][name], results["mmapnet"][name]
        if name == "import":
            print("%-12s %10.0f %10.0f" % (name, statistics.median(v[0] for v in std), statistics.median(v[0] for v in net)))
            continue
        # Each process's mmapnet against the stdlib process run beside it: a ratio per pair, then the median.
        early = [n[1] / s[1] for n, s in zip(net, std)]
        warm = [n[2] / s[2] for n, s in zip(net, std)]
        print("%-12s %10.1f %10.1f %10.2f %10.2f %12.2f" % (
            name, statistics.median(v[0] for v in std), statistics.median(v[0] for v in net), statistics.median(early),
            statistics.median(warm), statistics.median(e / w for e, w in zip(early, warm))))

if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[3:])
    elif len(sys.argv) >= 2:
        main(int(sys.argv[1]), sys.argv[2:])
    else:
        raise SystemExit(__doc__)
