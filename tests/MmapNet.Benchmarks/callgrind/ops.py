"""Runs each operation's loop N times between os.getppid() calls, for callgrind.

    valgrind --tool=callgrind --separate-threads=yes --dump-before=getppid ... python3 ops.py MODULE N

getppid marks the boundaries: callgrind writes one profile part per operation, so instruction counts
per operation are the part's count divided by N (exact and repeatable, unlike times). The loops run
in functions (locals, no timeit), over an iterator that allocates nothing; "pass" is the empty loop.
Six warm-up passes with pauses come first, so the .NET side runs its optimised code: under valgrind the runtime's
background JIT is slow, and with shorter pauses methods were still in their instrumented tier when measured.
"""

import itertools
import os
import sys
import time

OPERATIONS = [
    # name, statement (None: next() on an iterator over the map), resets the position first
    ("pass", "pass", False),
    ("len(m)", "len(m)", False),
    ("m[i]", "m[4096]", False),
    ("m[i:j] 64", "m[4096:4160]", False),
    ("m[i] = v", "m[4096] = 65", False),
    ("m[i:j] = b 64", "m[4096:4160] = payload", False),
    ("read_byte()", "m.read_byte()", True),
    ("read(64)", "m.read(64)", True),
    ("readline()", "m.readline()", True),
    ("write(64)", "m.write(payload)", True),
    ("write_byte()", "m.write_byte(65)", True),
    ("seek(i)", "m.seek(4096)", False),
    ("tell()", "m.tell()", False),
    ("find short", "m.find(needle, 0, 4096)", False),
    ("rfind short", "m.rfind(needle, 0, 4096)", False),
    ("move(64)", "m.move(0, 4096, 64)", False),
    ("memoryview(m)[i:j]", "memoryview(m)[4096:4160]", False),
    ("next(iter(m))", None, False),
    ("mmap(-1, 4096) + close", "type(m)(-1, 4096).close()", False),
]

# The floors: mmapnet._mmapnet._TransitionFloor's empty slots and methods, of the kinds the operations above use. The
# stdlib has none; its run does the empty loop in their place, so that the parts line up.
FLOORS = [
    ("floor len(f)", "len(f)"),
    ("floor f[i]", "f[4096]"),
    ("floor memoryview(f)[i:j]", "memoryview(f)[4096:4160]"),
    ("floor f.small_int()", "f.small_int()"),
    ("floor f.nothing()", "f.nothing()"),
    ("floor f.nothing_with_arguments(i)", "f.nothing_with_arguments(4096)"),
]


def main(module_name, count, warm_up=5000):
    module = __import__(module_name)
    m = module.mmap(-1, 16 << 20)
    m.write(b"alpha beta gamma delta info debug map\n" * ((16 << 20) // 38))
    m.seek(0)
    payload = bytes(range(64))
    needle = bytes(m[200:208])
    native = sys.modules.get(getattr(getattr(module, "_native", None), "__name__", ""))
    floor = native._TransitionFloor() if native is not None else None
    operations = OPERATIONS + [(name, statement if floor is not None else "pass", False) for name, statement in FLOORS]
    loops = {}
    for name, statement, _ in operations:
        if statement is not None:
            namespace = {"repeat": itertools.repeat}
            exec("def loop(m, f, payload, needle, n):\n    for _ in repeat(None, n):\n        %s\n" % statement,
                 namespace)
            loops[name] = namespace["loop"]

    def run(name, resets, n):
        if name not in loops:
            iterator = iter(m)  # one sq_item call per next()
            for _ in itertools.repeat(None, n):
                next(iterator)
            return
        if resets:
            m.seek(0)
        loops[name](m, floor, payload, needle, n)

    for _ in range(6):
        for name, _, resets in operations:
            run(name, resets, warm_up)
        time.sleep(1.5)
    for name, _, resets in operations:
        if resets:
            m.seek(0)
        os.getppid()
        run(name, resets, count)
    os.getppid()
    print("ops:", "|".join(name for name, _, _ in operations), file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
