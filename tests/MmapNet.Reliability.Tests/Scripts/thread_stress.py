"""Python threads sharing one map -- readers, writers, seekers, exporters -- while another resizes and closes it.

    python thread_stress.py MODULE SECONDS SEED

MODULE is ``mmap`` (the stdlib) or ``mmapnet``. Prints one JSON object: rounds and operations run, every
distinct failure seen per operation, those that CPython cannot give (``unexpected``), and any corruption.

What CPython can give is not written down here: it is asked. Before the threads start, ``oracle()`` runs
every operation single-threaded on the *stdlib* mmap in each state the threads can meet (open, closed,
position past the end after a shrink, index past the end, exported, read-only) and records the exceptions;
a failure in the threaded run that is not among them for that operation is unexpected. The stdlib run of
this script must itself have none (the test checks it), which keeps the oracle honest.

Corruption: writers only ever store their own byte values and the maps start zeroed, so every byte any
reader sees must be 0 or a writer's value; after each round the map is checked single-threaded (length as
last resized, content, repr). A use of unmapped memory kills the process, which the test sees.
"""
import importlib
import json
import mmap as stdlib_mmap
import os
import random
import sys
import tempfile
import threading
import time

MODULE = sys.argv[1]
SECONDS = float(sys.argv[2])
SEED = int(sys.argv[3])
impl = importlib.import_module(MODULE)
PAGE = stdlib_mmap.PAGESIZE
SIZES = [PAGE, 3 * PAGE, 5 * PAGE + 7, 16 * PAGE]
WRITER_VALUES = (0x41, 0x42)
ALLOWED_BYTES = frozenset((0,) + WRITER_VALUES)


def describe(exc):
    text = "%s: %s" % (type(exc).__name__, exc)
    if isinstance(exc, OSError) and exc.errno is not None:
        text += " [errno %d]" % exc.errno
    return text


# ----- the operations the threads run: function(map, rng), each one call on the map (besides len()), so that
# what it may raise is what that call may raise; positions are moved by the seekers. -------------------------

def op_read(m, rng):
    return m.read(rng.randrange(0, 300))


def op_read_byte(m, rng):
    return bytes([m.read_byte()])


def op_readline(m, rng):
    return m.readline()


def op_getitem(m, rng):
    return bytes([m[rng.randrange(-len(m), len(m) + 50)]])


def op_slice(m, rng):
    start = rng.randrange(0, len(m) + 10)
    return m[start:start + rng.randrange(0, 500):rng.choice([1, 1, 2, 7])]


def op_find(m, rng):
    m.find(bytes([rng.choice(WRITER_VALUES)]), rng.randrange(0, len(m) + 1))
    return b""


def op_iterate(m, rng):
    items = iter(m)  # the sequence protocol: 1-byte bytes
    return b"".join(next(items) for _ in range(rng.randrange(1, 64)))


def op_memoryview(m, rng):
    with memoryview(m) as view:
        start = rng.randrange(0, len(view))
        return bytes(view[start:start + 200])


def op_setitem(m, rng):
    m[rng.randrange(-len(m), len(m) + 50)] = rng.choice(WRITER_VALUES)


def op_write(m, rng):
    m.write(bytes([rng.choice(WRITER_VALUES)]) * rng.randrange(0, 200))


def op_write_byte(m, rng):
    m.write_byte(rng.choice(WRITER_VALUES))


def op_slice_assign(m, rng):
    start = rng.randrange(0, len(m) + 10)
    m[start:start + 100] = bytes([rng.choice(WRITER_VALUES)]) * 100


def op_move(m, rng):
    m.move(rng.randrange(0, len(m)), rng.randrange(0, len(m)), rng.randrange(0, 300))


def op_seek(m, rng):
    m.seek(rng.randrange(-10, len(m) + 10), rng.choice([0, 1, 2]))


def op_tell(m, rng):
    m.tell()


def op_len(m, rng):
    len(m)


def op_flush(m, rng):
    m.flush()


def op_size(m, rng):
    m.size()


def op_resize(m, rng):
    m.resize(rng.choice(SIZES))


def op_close(m, rng):
    m.close()


READERS = [op_read, op_read_byte, op_readline, op_getitem, op_slice, op_find, op_iterate, op_memoryview]
WRITERS = [op_setitem, op_write, op_write_byte, op_slice_assign, op_move]
SEEKERS = [op_seek, op_tell, op_len, op_flush, op_size]
ALL_OPS = READERS + WRITERS + SEEKERS + [op_resize, op_close]


def make_map(module, kind, folder):
    """A zeroed map of SIZES[0] bytes that may grow without SIGBUS: a file map or a private anonymous one."""
    if kind == "anon-private":
        return module.mmap(-1, SIZES[0], flags=module.MAP_PRIVATE), None
    path = os.path.join(folder, "stress-%d.bin" % random.getrandbits(32))
    with open(path, "wb") as f:
        f.truncate(SIZES[0])
    fd = os.open(path, os.O_RDWR)
    os.unlink(path)
    return module.mmap(fd, 0), fd


def oracle(folder):
    """{operation name: the exceptions the stdlib raises for it in every state the threads can meet}."""
    expected = {op.__name__: set() for op in ALL_OPS}
    rng = random.Random(0)

    def run(op, m, tries):
        for _ in range(tries):
            try:
                op(m, rng)
            except Exception as exc:
                expected[op.__name__].add(describe(exc))

    for kind in ("anon-private", "file"):
        m, fd = make_map(stdlib_mmap, kind, folder)
        for size in SIZES:
            m.resize(size)
            # Open, the position anywhere (the operations seek at random), then at the end and past it.
            for op in READERS + WRITERS + SEEKERS:
                run(op, m, 300)
            m.resize(SIZES[-1])
            m.seek(len(m))
            m.resize(size)
            for op in READERS + WRITERS + SEEKERS:
                m.seek(0, 2)
                run(op, m, 1)
                m.resize(SIZES[-1])
                m.seek(len(m))
                m.resize(size)
                run(op, m, 1)
            run(op_resize, m, 20)
        # Exported: resize and close refuse.
        with memoryview(m):
            run(op_resize, m, 5)
            run(op_close, m, 1)
        m.close()
        # Closed: everything, close included.
        for op in ALL_OPS:
            run(op, m, 20)
        if fd is not None:
            os.close(fd)
    return expected


class Worker(threading.Thread):
    def __init__(self, ops, m, seed, stop, report):
        super().__init__(daemon=True)
        self.ops, self.m, self.rng, self.stop, self.report = ops, m, random.Random(seed), stop, report
        self.count = 0

    def run(self):
        closed_seen = 0
        while not self.stop.is_set() and closed_seen < 20:
            op = self.rng.choice(self.ops)
            try:
                data = op(self.m, self.rng)
                if data:
                    bad = set(data) - ALLOWED_BYTES
                    if bad:
                        self.report["corruption"].append("%s read bytes %r" % (op.__name__, sorted(bad)[:5]))
            except Exception as exc:
                self.report["failures"].setdefault(op.__name__, set()).add(describe(exc))
                if "closed" in str(exc):
                    closed_seen += 1
            self.count += 1


def round_(module, kind, folder, rng, report):
    m, fd = make_map(module, kind, folder)
    stop = threading.Event()
    workers = [Worker(READERS, m, rng.random(), stop, report) for _ in range(2)]
    workers += [Worker(WRITERS, m, rng.random(), stop, report) for _ in range(2)]
    workers += [Worker(SEEKERS, m, rng.random(), stop, report)]
    for worker in workers:
        worker.start()
    length = len(m)
    # The controller: a few resizes, then a close (retried while an export blocks it).
    for _ in range(rng.randrange(0, 6)):
        time.sleep(rng.random() * 0.004)
        size = rng.choice(SIZES)
        try:
            m.resize(size)
            length = size
        except Exception as exc:
            report["failures"].setdefault("op_resize", set()).add(describe(exc))
    checks = []
    while True:
        time.sleep(rng.random() * 0.004)
        try:
            # Checked single-threaded as far as Python goes: the GIL is held through these few calls.
            checks.append((len(m) == length, m.tell() >= 0))
            m.close()
            break
        except Exception as exc:
            report["failures"].setdefault("op_close", set()).add(describe(exc))
    stop.set()
    for worker in workers:
        worker.join(30)
        if worker.is_alive():
            report["corruption"].append("a worker did not finish after the map was closed")
        report["operations"] += worker.count
    if not all(all(check) for check in checks):
        report["corruption"].append("length or position wrong before close: %r" % checks)
    if repr(m) != "<mmap.mmap closed=True>":
        report["corruption"].append("repr after close: %r" % repr(m))
    if fd is not None:
        os.close(fd)


def main():
    sys.setswitchinterval(1e-5)  # switch threads as often as the interpreter allows: more interleavings
    folder = tempfile.mkdtemp(prefix="thread-stress-")
    expected = oracle(folder)
    report = {"module": MODULE, "rounds": 0, "operations": 0, "failures": {}, "corruption": []}
    rng = random.Random(SEED)
    deadline = time.monotonic() + SECONDS
    while time.monotonic() < deadline:
        round_(impl, rng.choice(["anon-private", "file"]), folder, rng, report)
        report["rounds"] += 1
    os.rmdir(folder)
    unexpected = {name: sorted(found - expected[name]) for name, found in report["failures"].items()
                  if found - expected[name]}
    report["failures"] = {name: sorted(found) for name, found in report["failures"].items()}
    report["unexpected"] = unexpected
    print(json.dumps(report, indent=1, sort_keys=True))


main()
