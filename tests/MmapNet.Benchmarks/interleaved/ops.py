"""One process's ratios, mmapnet / stdlib, of the per-call operations, for an A/B of two checkouts.

    python ops.py [OPERATION ...]        (all of them when none is named)

The two modules are timed alternately in this one process (best of 15 timings of 20,000 calls; 2,000 for the
constructor and the context manager), after three warm-up passes with pauses, so that the CPU's state and the interpreter's are the same for
both. Prints "MODULE OPERATION NANOSECONDS" lines; run.sh runs it in alternated processes of the two checkouts and takes
medians, because a ratio moves by 10-30% from one process to the next (code and data placement).
"""

import os
import sys
import tempfile
import time
import timeit

OPERATIONS = {
    "len": "len(m)",
    "getitem": "m[100]",
    "slice64": "m[100:164]",
    "setitem": "m[100] = 7",
    "setslice64": "m[100:164] = b64",
    "read64": "m.seek(0); m.read(64)",
    "readline": "m.seek(0); m.readline()",  # a 501-byte line
    "readline38": "t.seek(0); t.readline()",  # a 38-byte line: the two vectors searched inline
    "write_byte": "m.seek(0); m.write_byte(7)",
    "find_short": "m.find(b'needle!!', 0, 4096)",
    "rfind_short": "m.rfind(b'needle!!', 0, 4096)",
    "ctor": "M(-1, 4096).close()",
    "tell": "m.tell()",
    "seek": "m.seek(100)",
    "read_byte": "m.seek(0); m.read_byte()",
    "write64": "m.seek(0); m.write(b64)",
    "move64": "m.move(0, 4096, 64)",
    "mv": "memoryview(m)[4096:4160]",
    "size": "f.size()",  # fstat
    "flush": "f.flush(0, 4096)",  # msync of a page not written
    "repr": "repr(f)",
    "with": "with M(-1, 4096): pass",
}


def scratch_file():
    """A 64 KiB file for the file maps (f), already unlinked: the maps keep it."""
    file_descriptor, path = tempfile.mkstemp()
    os.write(file_descriptor, b"\0" * (1 << 16))
    os.unlink(path)
    return file_descriptor


def fixtures(module, file_descriptor):
    """The names the statements use, made with ``module`` (the stdlib's mmap or mmapnet); early_calls.py uses them too."""
    m = module.mmap(-1, 1 << 20)
    m[2000:2008] = b"needle!!"
    m[500] = 10
    t = module.mmap(-1, 1 << 16)
    t.write(b"alpha beta gamma delta info debug map\n" * ((1 << 16) // 38))
    f = module.mmap(file_descriptor, 0)
    return {"m": m, "t": t, "f": f, "b64": b"x" * 64, "M": module.mmap}


def main(selected):
    import mmap as stdlib
    import mmapnet
    file_descriptor = scratch_file()
    environments = {name: fixtures(module, file_descriptor) for module, name in ((stdlib, "std"), (mmapnet, "net"))}
    for _ in range(3):
        for operation in selected:
            for environment in environments.values():
                timeit.Timer(OPERATIONS[operation], globals=environment).timeit(300 if operation in ("ctor", "with") else 3000)
        time.sleep(0.4)
    for operation in selected:
        timers = {name: timeit.Timer(OPERATIONS[operation], globals=environment) for name, environment in environments.items()}
        number = 2000 if operation in ("ctor", "with") else 20000
        best = dict.fromkeys(timers, float("inf"))
        for _ in range(15):
            for name, timer in timers.items():
                best[name] = min(best[name], timer.timeit(number) / number * 1e9)
        for name in timers:
            print(name, operation, round(best[name], 2))


if __name__ == "__main__":
    unknown = [name for name in sys.argv[1:] if name not in OPERATIONS]
    if unknown:
        sys.exit("unknown operations: %s (known: %s)" % (" ".join(unknown), " ".join(OPERATIONS)))
    main(sys.argv[1:] or list(OPERATIONS))
