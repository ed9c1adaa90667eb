"""Forks right after `import`: children that use maps must never hang.

    python fork_storm.py MODULE FORKS [TIMEOUT_SECONDS]

Right after the import, the parent forks FORKS children, one at a time, working with a map of its own between forks
(so that whatever a runtime does in the background in a process's first seconds is under way). Each child makes a
map and calls a method on it that the parent never called, the first call of it in that process, then exits. A child
that has not exited after TIMEOUT_SECONDS is counted as hung and killed. Prints one JSON line with the counts.
"""

import importlib
import json
import os
import signal
import sys
import time
import warnings

mmap = importlib.import_module(sys.argv[1])
forks = int(sys.argv[2])
timeout = float(sys.argv[3]) if len(sys.argv) > 3 else 10.0
# 3.12+ warns at every fork of a process with threads (the .NET runtime's); the count is what this checks.
warnings.simplefilter("ignore", DeprecationWarning)


def first_calls(m, which):
    """Operations the parent never makes: each is the first call of a method (or path) in the child."""
    m.write(b"hello\nworld\n")
    operations = [
        lambda: m.find(b"wor"),
        lambda: m.rfind(b"l"),
        lambda: (m.seek(0), m.readline()),
        lambda: m.resize(8192),
        lambda: m.move(0, 6, 5),
        lambda: m.flush(),
        lambda: m[1:9:2],
        lambda: m[-3],
        lambda: repr(m),
        lambda: bytes(memoryview(m)[:4]),
        lambda: m.madvise(mmap.MADV_NORMAL),
        lambda: (m.seek(0), m.read(5)),
        lambda: list(m[:8]),
        lambda: b"w" in m,
    ]
    operations[which % len(operations)]()


def describe_hung(pid, which):
    """What a hung child's threads are blocked in, on stderr (the counts on stdout stay one JSON line)."""
    lines = ["hung child %d (fork %d, operation %d):" % (pid, which, which % 14)]
    try:
        for task in sorted(os.listdir("/proc/%d/task" % pid)):
            base = "/proc/%d/task/%s/" % (pid, task)
            fields = []
            for name in ("comm", "wchan", "syscall", "stat"):
                try:
                    with open(base + name) as source:
                        fields.append(source.read().strip()[:120])
                except OSError as error:
                    fields.append("(%s)" % error.strerror)
            lines.append("  thread %s: %s" % (task, " | ".join(fields)))
    except OSError as error:
        lines.append("  (%s)" % error)
    print("\n".join(lines), file=sys.stderr, flush=True)


start = time.monotonic()
hung = failed = 0
for i in range(forks):
    m0 = mmap.mmap(-1, 64)  # the parent's own work between forks: few methods, called many times
    for _ in range(i % 40):
        m0[1] = 2
        m0[1]
        m0[2:9]
        len(m0)
    m0.close()
    pid = os.fork()
    if pid == 0:
        try:
            m = mmap.mmap(-1, 4096)
            first_calls(m, i)
            m.close()
            os._exit(0)
        except BaseException:
            os._exit(3)
    deadline = time.monotonic() + timeout
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            if os.waitstatus_to_exitcode(status) != 0:
                failed += 1
            break
        if time.monotonic() > deadline:
            hung += 1
            describe_hung(pid, i)
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            break
        time.sleep(0.0005)
print(json.dumps({"forks": forks, "hung": hung, "failed": failed, "seconds": round(time.monotonic() - start, 2)}))
