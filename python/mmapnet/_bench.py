"""python -m mmapnet bench: the stdlib ``mmap`` and ``mmapnet`` side by side, in one process.

Every operation is timed with ``timeit`` for both modules on equal fixtures (same sizes, same bytes,
fixed seeds), after checking that both give the same result. The repeats alternate, stdlib then
mmapnet, then mmapnet then stdlib, so that drift on a busy machine (other processes, CPU frequency,
the .NET runtime's background JIT) falls on both sides alike. Each repeat runs the statement
``number`` times (calibrated once per operation, the same for both modules) and yields one
ns-per-operation sample.

The clock is, by default, this thread's CPU time (``time.thread_time``): on a shared 2-core machine
elapsed time mostly measures how long other processes held the CPU (samples spread 10x), while CPU
time stays within a few percent. ``--clock wall`` measures elapsed time instead, for a quiet machine.

The reported statistic is the **median** of the repeats, for both modules; the ratio is
median(mmapnet) / median(stdlib), so below 1 is faster than CPython's C implementation.

Every operation is timed twice: **warm**, in this process after warm-up passes, and **cold**, in a fresh
process of its own that imports both modules and times the operation at once, with no warm-up but timeit's
own (what a short script gets). The fresh process then warms up and times the operation again: cold is judged
against that warm ratio of the same process (``_cold_over_warm`` says why), in at least
``MIN_COLD_PROCESSES_JUDGED`` processes (``--cold-processes``). It also reports the statement's first timed loop
there (on the CoreCLR route: the compilation of what the operation runs). The operations whose cost is mostly the call from CPython into .NET are
also compared with their **floor**: the same kind of slot or method of ``mmapnet._mmapnet._TransitionFloor``,
which does nothing, timed alongside (an operation bounded by the transition is within a few ns of it). The minimum
and every sample are in the JSON too. Times include ``timeit``'s loop (a few ns per statement),
which is the same for both; short statements are written several times per loop iteration
(``unroll``) to keep that share small.

Standard library only: the chart is SVG written here.
"""

import argparse
import gc
import html
import json
import math
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import timeit

SCHEMA = "mmapnet-bench/2"  # 2: the cold/warm comparison uses the warm ratio of the cold process itself
MiB = 1 << 20
KiB = 1 << 10
SEED = 20240607

# The operations' data, placed where the searches must go to find them.
FORWARD_NEEDLE = b"needle-7f3a9c"      # once, near the end of the big map: find scans all of it
REVERSE_NEEDLE = b"eldeen-c9a3f7"      # once, near its start: rfind scans all of it backwards
NEEDLE_MARGIN = 4096                   # how far from either end they are
SHORT_RANGE = 4096                     # short searches look in [0, 4096) ...
SHORT_NEEDLE_OFFSET = 200              # ... for the 8 bytes at 200 (or an earlier copy of them)
# Log-like text; the needles share no word with it, as an identifier searched for in a log would not.
WORDS = (b"alpha", b"beta", b"gamma", b"delta", b"info", b"debug", b"map", b"page", b"offset",
         b"length", b"value", b"error", b"request", b"user", b"time", b"2024-06-07")

# The targets, checked at the end of every run, warm and cold: every ratio at most TARGET_RATIO, except an operation
# bounded by the call into .NET, which must be within TARGET_OVER_FLOOR_NS of its floor; the geometric mean at most
# TARGET_GEOMEAN; searches of 64 MiB TARGET_SEARCH_SPEEDUP times faster; the import under TARGET_IMPORT_MS.
TARGET_RATIO = 1.25
TARGET_OVER_FLOOR_NS = 2.0
TARGET_GEOMEAN = 0.90
TARGET_SEARCH_SPEEDUP = 3.0
TARGET_IMPORT_MS = 100.0
# Cold = warm: an operation's ratio in a fresh process at most this much above its warm ratio, judged on the median
# of at least MIN_COLD_PROCESSES_JUDGED fresh processes: one process resolves about 30% on a short operation here.
TARGET_COLD_OVER_WARM = 1.10
MIN_COLD_PROCESSES_JUDGED = 3

# The floor of each operation bounded by the call into .NET: a statement on the floor type ``f`` calling the same kind
# of slot or method, and how many such calls one operation makes and one floor statement makes (iteration: a call per
# byte, and the floor type's iteration has as many steps as the 16 KiB map's, with the same IndexError at the end;
# a memoryview's slice: the two buffer slots, get and release, counted as one call on both sides).
FLOORS = {
    "len(m)": ("len(f)", 1, 1),
    "m[i]": ("f[4096]", 1, 1),
    "read_byte()": ("f.small_int()", 1, 1),
    "tell()": ("f.small_int()", 1, 1),
    "readline(), file of many lines": ("f.nothing()", 1, 1),
    "seek(i)": ("f.nothing_with_arguments(4096)", 1, 1),
    "write_byte()": ("f.nothing_with_arguments(65)", 1, 1),
    "iteration, 16 KiB": ("for b in f: pass", 16 * KiB, 16 * KiB),
    "memoryview(m)[i:j]": ("memoryview(f)[4096:4160]", 1, 1),
}


class Operation:
    """One timed statement.

    ``fixture(env)`` returns the statement's names for one module (``env.module`` is the module under
    test); ``reset`` runs before each timing, untimed (for example ``m.seek(0)``); ``unroll`` copies of
    ``statement`` make one loop iteration, and each copy does ``operations`` operations. ``consumes``
    is how many bytes of the map's position one operation uses up, which caps ``number`` so that a
    timing never runs off the end; ``bytes`` is the data one operation moves, for throughput.
    ``bulk_read`` marks the operations of the target "bulk reads no slower than the stdlib"; ``search``
    those of "find/rfind on 64 MiB at least 3x faster".
    """

    def __init__(self, name, group, statement, fixture, reset="", unroll=1, operations=1, consumes=0,
                 capacity=None, bytes=0, check=None, bulk_read=False, search=False):
        self.name = name
        self.group = group
        self.statement = statement
        self.fixture = fixture
        self.reset = reset
        self.unroll = unroll
        self.operations = operations
        self.consumes = consumes
        self.capacity = capacity
        self.bytes = bytes
        self.check = check
        self.bulk_read = bulk_read
        self.search = search


class Data:
    """The bytes and files every operation uses, made once from fixed seeds, in a temporary folder."""

    def __init__(self, quick):
        self.quick = quick
        self.folder = tempfile.mkdtemp(prefix="mmapnet-bench-")
        self.big_size = 64 * MiB  # the size the searches are judged at, in quick runs too: operation names stay the same
        self.big = self._text(self.big_size)
        self.short_needle = self.big[SHORT_NEEDLE_OFFSET:SHORT_NEEDLE_OFFSET + 8]
        self.medium = self.big[:4 * MiB - NEEDLE_MARGIN] + FORWARD_NEEDLE + self.big[4 * MiB - NEEDLE_MARGIN + len(FORWARD_NEEDLE):4 * MiB]
        self.payload_64 = bytes(range(64))
        self.payload_1m = self.big[:MiB]
        self.file_1m = self._write("file-1m.bin", self.big[:MiB])
        lines_size = (1 if quick else 8) * MiB
        self.lines_file = self._write("lines.txt", self.big[:lines_size])
        self.line_count = self.big[:lines_size].count(b"\n")

    def _text(self, size):
        """Lines of words from a fixed vocabulary, with the two needles put in place."""
        generator = random.Random(SEED)
        block = bytearray()
        while len(block) < 256 * KiB:
            count = generator.randint(3, 11)
            block += b" ".join(generator.choice(WORDS) for _ in range(count)) + b"\n"
        # A 256 KiB block repeated: cheap to make, and far longer than any cache's view of a pattern.
        text = bytearray((bytes(block) * (size // len(block) + 1))[:size])
        text[size - NEEDLE_MARGIN:size - NEEDLE_MARGIN + len(FORWARD_NEEDLE)] = FORWARD_NEEDLE
        text[NEEDLE_MARGIN:NEEDLE_MARGIN + len(REVERSE_NEEDLE)] = REVERSE_NEEDLE
        return bytes(text)

    def _write(self, name, content):
        path = os.path.join(self.folder, name)
        with open(path, "wb") as f:
            f.write(content)
        return path

    def copy(self, path, tag):
        """A private copy of a file, for operations that change it (resize, flush)."""
        target = "%s.%s" % (path, tag)
        shutil.copyfile(path, target)
        return target

    def remove(self):
        shutil.rmtree(self.folder, ignore_errors=True)


class Environment:
    """One module's side of one operation: makes its maps and files, and closes them afterwards."""

    def __init__(self, label, module, data):
        self.label = label
        self.module = module
        self.data = data
        self._maps = []
        self._files = []

    def anonymous(self, content=None, size=None):
        """An anonymous map holding ``content`` (written through the module itself: pages resident)."""
        m = self.module.mmap(-1, size or len(content))
        if content is not None:
            m.write(content)
            m.seek(0)
        self._maps.append(m)
        return m

    def file_map(self, path, access=None):
        f = open(path, "rb" if access == "read" else "r+b")
        self._files.append(f)
        if access == "read":
            m = self.module.mmap(f.fileno(), 0, access=self.module.ACCESS_READ)
        else:
            m = self.module.mmap(f.fileno(), 0)
        self._maps.append(m)
        return m

    def open_file(self, path):
        f = open(path, "r+b")
        self._files.append(f)
        return f

    def close(self):
        for m in self._maps:
            m.close()
        for f in self._files:
            f.close()
        self._maps, self._files = [], []


def _operations(data):
    """The operations, in the order they are reported."""
    big, short = data.big_size, data.short_needle
    filled_4m = lambda env: {"m": env.anonymous(data.big[:4 * MiB])}
    scratch_16m = lambda env: {"m": env.anonymous(size=16 * MiB), "payload": data.payload_64}
    reader_16m = lambda env: {"m": env.anonymous(data.big[:16 * MiB])}
    average_line = os.path.getsize(data.lines_file) / max(1, data.line_count)
    ops = [
        Operation("mmap(fileno, 0) + close, 1 MiB file", "construct",
                  "mmap(fd, 0).close()",
                  lambda env: {"mmap": env.module.mmap, "fd": env.open_file(data.file_1m).fileno()}),
        Operation("mmap(-1, 1 MiB) + close", "construct",
                  "mmap(-1, 1048576).close()",
                  lambda env: {"mmap": env.module.mmap}),
        Operation("len(m)", "index", "len(m)", filled_4m, unroll=10),
        Operation("m[i]", "index", "m[4096]", filled_4m, unroll=10),
        Operation("m[i:j], 64 bytes", "index", "m[4096:4160]", filled_4m, unroll=10, bytes=64),
        Operation("m[i:j], 1 MiB", "index", "m[0:1048576]", filled_4m, bytes=MiB, bulk_read=True),
        Operation("m[i] = v", "index", "m[4096] = 65", filled_4m, unroll=10),
        Operation("m[i:j] = b, 64 bytes", "index", "m[4096:4160] = payload",
                  lambda env: {"m": env.anonymous(data.big[:4 * MiB]), "payload": data.payload_64},
                  unroll=10, bytes=64),
        Operation("m[i:j] = b, 1 MiB", "index", "m[0:1048576] = payload",
                  lambda env: {"m": env.anonymous(data.big[:4 * MiB]), "payload": data.payload_1m}, bytes=MiB),
        Operation("read_byte()", "position", "m.read_byte()", reader_16m, reset="m.seek(0)",
                  unroll=10, consumes=1),
        Operation("read(64)", "position", "m.read(64)", reader_16m, reset="m.seek(0)",
                  unroll=10, consumes=64, bytes=64),
        Operation("read(1 MiB)", "position", "m.seek(0); m.read(1048576)", filled_4m, bytes=MiB,
                  bulk_read=True),
        Operation("readline(), file of many lines", "position", "m.readline()",
                  lambda env: {"m": env.file_map(data.lines_file, access="read")}, reset="m.seek(0)",
                  unroll=10, capacity=data.line_count, bytes=average_line),
        Operation("write(64 bytes)", "position", "m.write(payload)", scratch_16m, reset="m.seek(0)",
                  unroll=10, consumes=64, bytes=64),
        Operation("write(1 MiB)", "position", "m.seek(0); m.write(payload)",
                  lambda env: {"m": env.anonymous(data.big[:4 * MiB]), "payload": data.payload_1m}, bytes=MiB),
        Operation("write_byte()", "position", "m.write_byte(65)", scratch_16m, reset="m.seek(0)",
                  unroll=10, consumes=1),
        Operation("seek(i)", "position", "m.seek(4096)", filled_4m, unroll=10),
        Operation("tell()", "position", "m.tell()", filled_4m, unroll=10),
        Operation("find, needle near the end of %d MiB" % (big // MiB), "search", "m.find(needle)",
                  lambda env: {"m": env.anonymous(data.big), "needle": FORWARD_NEEDLE},
                  reset="m.seek(0)", bytes=big, search=True),
        Operation("rfind, needle near the start of %d MiB" % (big // MiB), "search", "m.rfind(needle)",
                  lambda env: {"m": env.anonymous(data.big), "needle": REVERSE_NEEDLE},
                  reset="m.seek(0)", bytes=big, search=True),
        Operation("find, short (8 bytes in the first 4 KiB)", "search", "m.find(needle, 0, 4096)",
                  lambda env: {"m": env.anonymous(data.big[:4 * MiB]), "needle": short}, unroll=10),
        Operation("rfind, short (8 bytes in the first 4 KiB)", "search", "m.rfind(needle, 0, 4096)",
                  lambda env: {"m": env.anonymous(data.big[:4 * MiB]), "needle": short}, unroll=10),
        Operation("move(64 bytes)", "other", "m.move(0, 4096, 64)", filled_4m, unroll=10, bytes=64),
        Operation("move(1 MiB)", "other", "m.move(0, 1048576, 1048576)", filled_4m, bytes=MiB),
        Operation("flush(), clean 1 MiB file map", "other", "m.flush()",
                  lambda env: {"m": env.file_map(data.copy(data.file_1m, "flush-" + env.label))}),
        Operation("iteration, 16 KiB", "protocol", "for b in m: pass",
                  lambda env: {"m": env.anonymous(data.big[:16 * KiB])}, bytes=16 * KiB),
        Operation("bytes(m), 1 MiB", "protocol", "bytes(m)",
                  lambda env: {"m": env.anonymous(data.big[:MiB])}, bytes=MiB, bulk_read=True),
        Operation("memoryview(m)[i:j]", "protocol", "memoryview(m)[4096:4160]", filled_4m, unroll=10),
        Operation("re.search, match near the end of 4 MiB", "protocol", "pattern.search(m)",
                  lambda env: {"m": env.anonymous(data.medium), "pattern": re.compile(rb"needle-[0-9a-f]+")},
                  bytes=4 * MiB),
        Operation("re.search, match at the start", "protocol", "pattern.search(m)",
                  lambda env: {"m": env.anonymous(data.big[:4 * MiB]), "pattern": re.compile(rb"[a-z]+ ")},
                  unroll=10),
        Operation("resize(), 1 MiB file map, +/- 64 KiB", "other", "m.resize(1114112); m.resize(1048576)",
                  lambda env: {"m": env.file_map(data.copy(data.file_1m, "resize-" + env.label))}, operations=2),
    ]
    return ops


def _comparable(value):
    """A value two implementations' results can be compared by (matches and views by content)."""
    if isinstance(value, memoryview):
        content = value.tobytes()
        value.release()
        return content
    if hasattr(value, "span") and hasattr(value, "group"):
        return ("match", value.span(), value.group())
    return value


class _Side:
    """One module's timer for one operation."""

    def __init__(self, label, module, operation, data, clock=time.perf_counter):
        self.label = label
        self.environment = Environment(label, module, data)
        self.names = operation.fixture(self.environment)
        setup = ["%s = _names[%r]" % (name, name) for name in sorted(self.names)]
        if operation.reset:
            setup.append(operation.reset)
        # Names are taken into locals by the setup: the loop reads them with LOAD_FAST, the cheapest
        # and least variable lookup, as a function's code would.
        statement = "\n".join([operation.statement] * operation.unroll)
        self.timer = timeit.Timer(statement, "\n".join(setup), timer=clock, globals={"_names": self.names})
        self.setup_code = "\n".join(setup)
        self.samples = []

    def result(self, expression):
        namespace = {"_names": self.names}
        exec(self.setup_code, namespace)
        return _comparable(eval(expression, namespace))

    def close(self):
        self.environment.close()


def _expression(statement):
    try:
        compile(statement, "<bench>", "eval")
        return statement
    except SyntaxError:
        return None


class _FloorSide:
    """The floor of an operation: its statement on the floor type, timed like the operation's sides."""

    def __init__(self, operation, clock):
        import mmapnet
        floor_type = mmapnet._native._TransitionFloor
        statement, self.operation_calls, self.floor_calls = FLOORS[operation.name]
        self.label = "floor"
        self.timer = timeit.Timer("\n".join([statement] * operation.unroll), "f = _f", timer=clock,
                                  globals={"_f": floor_type()})
        self.samples = []

    def close(self):
        pass


def _measure(operation, modules, data, settings, log, first_loop=False):
    sides = [_Side(label, module, operation, data, settings.clock) for label, module in modules]
    floor = _FloorSide(operation, settings.clock) if operation.name in FLOORS else None
    try:
        # In a fresh process, the statement's first timed loop (its ``unroll`` copies), right after the fixture (which
        # has made the maps: the constructor, and write and seek for some): on the CoreCLR route it includes compiling
        # the methods the operation runs that the fixture did not. Reported, not judged.
        first_loop_ns = {side.label: side.timer.timeit(1) * 1e9 for side in sides} if first_loop else None
        # The two must do the same work, or the ratio means nothing: compare one result first.
        expression = operation.check or _expression(operation.statement)
        if expression is not None:
            results = [side.result(expression) for side in sides]
            if results[0] != results[1]:
                raise AssertionError("%s: stdlib and mmapnet disagree on %s: %r != %r"
                                     % (operation.name, expression, results[0], results[1]))
        per_loop = operation.unroll * operation.operations
        cap = 10 ** 9
        if operation.consumes:
            size = len(sides[0].names["m"])
            cap = max(1, size // (operation.consumes * operation.unroll))
        if operation.capacity is not None:
            cap = max(1, operation.capacity // operation.unroll)
        number = _calibrate(sides, settings.target_seconds, cap)
        timed = sides + ([floor] if floor else [])
        for repeat in range(settings.repeats):
            order = timed if repeat % 2 == 0 else timed[::-1]
            for side in order:
                side.samples.append(side.timer.timeit(number) / (number * per_loop) * 1e9)
        entry = {
            "name": operation.name,
            "group": operation.group,
            "statement": operation.statement,
            "unroll": operation.unroll,
            "operations_per_statement": operation.operations,
            "number": number,
            "bytes_per_operation": operation.bytes,
        }
        for side in sides:
            median = statistics.median(side.samples)
            entry[side.label] = {
                "ns_median": median,
                "ns_min": min(side.samples),
                "samples_ns": side.samples,
                "mib_per_s": operation.bytes / median * 1e9 / MiB if operation.bytes else None,
            }
            if first_loop_ns:
                entry[side.label]["first_loop_ns"] = first_loop_ns[side.label]
        entry["ratio"] = entry["mmapnet"]["ns_median"] / entry["stdlib"]["ns_median"]
        entry["ratio_of_minimums"] = entry["mmapnet"]["ns_min"] / entry["stdlib"]["ns_min"]
        if floor:
            # Per call into .NET: the operation's time and its floor's, and what the operation adds to the floor.
            per_call = entry["mmapnet"]["ns_median"] / floor.operation_calls
            floor_per_call = statistics.median(floor.samples) / floor.floor_calls
            entry["floor"] = {"statement": FLOORS[operation.name][0], "ns_per_call": floor_per_call,
                              "mmapnet_ns_per_call": per_call, "over_floor_ns": per_call - floor_per_call,
                              "samples_ns": floor.samples}
        entry["bulk_read"] = operation.bulk_read
        entry["search_64mib"] = operation.search
        log(_row(entry))
        return entry
    finally:
        for side in sides:
            side.close()


def _measure_cold(operation, settings, log):
    """The operation timed in fresh processes of its own (``--cold-processes``), each with no warm-up:
    ``python -m mmapnet bench --cold-child``. The report is that of the median process (``_median_process``), with
    every process's figures under ``processes``."""
    command = [sys.executable, "-m", "mmapnet", "bench", "--cold-child", operation.name, "--clock", settings.clock_name,
               "--repeat", str(settings.cold_repeats)]
    if settings.quick:
        command.append("--quick")
    children = []
    for _ in range(settings.cold_processes):
        completed = subprocess.run(command, stdout=subprocess.PIPE, universal_newlines=True, check=True)
        children.append(json.loads(completed.stdout))
    chosen = _median_process(children)
    chosen["processes"] = [{
        "process_id": child["process_id"], "ratio": child["ratio"],
        "warm_in_this_process_ratio": child["warm_in_this_process"]["ratio"],
        "cold_ratio_over_warm_ratio": _cold_over_warm(child),
        "first_loop_ns": {label: child[label]["first_loop_ns"] for label in ("stdlib", "mmapnet")},
    } for child in children]
    return chosen


def _median_process(children):
    """The cold process whose cold/warm is the median; of an even count, the upper middle one (the stricter). Its
    cold ratio is the operation's cold ratio too (the geometric mean, the 1.25 limit, the chart), so that the
    figures reported for one operation come from one process."""
    return sorted(children, key=_cold_over_warm)[len(children) // 2]


def _cold_over_warm(cold):
    """What an operation loses by being cold, in one fresh process: its cold ratio over the same process's warm ratio.
    Two processes running the same code differ by 10-40% on a short operation here (where code and data land in the
    caches), which is not coldness and would drown it."""
    return cold["ratio"] / cold["warm_in_this_process"]["ratio"]


def _cold_child(name, quick, repeats, clock):
    """In the fresh process: both modules imported, the data made, the one operation timed at once (cold); then
    warmed up with the harness's warm-up passes and timed again with as many repeats (warm, in this same process)."""
    import mmap
    import mmapnet
    settings = Settings(quick, repeats, clock)
    data = Data(quick)
    try:
        operation = next(op for op in _operations(data) if op.name == name)
        modules = [("stdlib", mmap), ("mmapnet", mmapnet)]
        entry = _measure(operation, modules, data, settings, lambda line: None, first_loop=True)
        for _ in range(settings.warm_up_passes):
            _warm_up([operation], modules, data, settings)
        warm = _measure(operation, modules, data, settings, lambda line: None)
        entry["warm_in_this_process"] = {key: warm[key] for key in ("name", "ratio", "stdlib", "mmapnet", "number")}
        entry["process_id"] = os.getpid()
        print(json.dumps(entry))
    finally:
        data.remove()


def _calibrate(sides, target_seconds, cap):
    """The loop count that makes the slower side's timing last about ``target_seconds``, at most ``cap``."""
    number = 1
    while True:
        elapsed = max(side.timer.timeit(number) for side in sides)
        if elapsed >= target_seconds / 10 or number >= cap:
            break
        number = min(cap, number * 10)
    return max(1, min(cap, int(number * target_seconds / max(elapsed, 1e-9))))


def _warm_up(operations, modules, data, settings):
    """Runs every statement on both sides for a while, then pauses. The .NET runtime compiles a method
    first quickly, then again optimised, in the background, once it has counted calls to it (tiered
    compilation, with dynamic PGO: unoptimised, then instrumented, then optimised with the profile),
    each step once it has counted calls, which starts after 100 ms without new methods to compile.
    Three passes with pauses take the hot paths through every step. Measuring before that would
    charge mmapnet for JIT work that a long-running program pays once."""
    for operation in operations:
        sides = [_Side(label, module, operation, data) for label, module in modules]
        try:
            for side in sides:
                budget = time.perf_counter() + settings.warm_up_seconds
                while time.perf_counter() < budget:
                    side.timer.timeit(1)
        finally:
            for side in sides:
                side.close()
    time.sleep(settings.warm_up_pause)


def _import_times(runs, log):
    """Median time of ``import mmap`` and ``import mmapnet`` in fresh processes, after one unmeasured
    run of each (the warm case: files in the page cache, bytecode compiled). Elapsed time, which is what
    the import target is about, and the process's CPU time (all threads), which a loaded machine inflates less.
    The children's environment is bench-import's (bytecode may be written, this package on the path), with
    this process's MMAPNET_BACKEND, so that the import timed is the route the operations ran on."""
    from mmapnet._bench_import import _child_environment
    environment = _child_environment()
    if os.environ.get("MMAPNET_BACKEND"):
        environment["MMAPNET_BACKEND"] = os.environ["MMAPNET_BACKEND"]
    code = ("import time; t, c = time.perf_counter(), time.process_time(); import %s as m; "
            "print(time.perf_counter() - t, time.process_time() - c, getattr(m, '__backend__', '-'))")
    samples = {"mmap": [], "mmapnet": []}
    cpu_samples = {"mmap": [], "mmapnet": []}
    backend = None
    for index in range(runs + 1):
        for module in ("mmap", "mmapnet") if index % 2 == 0 else ("mmapnet", "mmap"):
            output = subprocess.run([sys.executable, "-c", code % module], env=environment, check=True,
                                    stdout=subprocess.PIPE, universal_newlines=True).stdout.split()
            if index > 0:
                samples[module].append(float(output[0]) * 1000)
                cpu_samples[module].append(float(output[1]) * 1000)
            if module == "mmapnet":
                backend = output[2]
    result = {
        "runs": runs,
        "mmap_ms_median": statistics.median(samples["mmap"]),
        "mmapnet_ms_median": statistics.median(samples["mmapnet"]),
        "samples_ms": samples,
        "mmap_cpu_ms_median": statistics.median(cpu_samples["mmap"]),
        "mmapnet_cpu_ms_median": statistics.median(cpu_samples["mmapnet"]),
        "cpu_samples_ms": cpu_samples,
        "mmapnet_backend": backend,
    }
    log("%-44s %12.2f ms %12.2f ms   (fresh process, elapsed, median of %d; CPU %.1f ms; backend %s)" % (
        "import (warm)", result["mmap_ms_median"], result["mmapnet_ms_median"], runs,
        result["mmapnet_cpu_ms_median"], backend))
    return result


def _format_ns(value):
    return "%.1f" % value if value < 100 else "{:,.0f}".format(value)


def _format_rate(value):
    return "" if value is None else "{:,.0f}".format(value)


HEADER = "%-44s %15s %15s %7s %12s %12s" % ("operation", "stdlib ns/op", "mmapnet ns/op", "ratio",
                                           "stdlib MiB/s", "mmapnet MiB/s")


def _row(entry):
    return "%-44s %15s %15s %7.2f %12s %12s" % (
        entry["name"], _format_ns(entry["stdlib"]["ns_median"]), _format_ns(entry["mmapnet"]["ns_median"]),
        entry["ratio"], _format_rate(entry["stdlib"]["mib_per_s"]), _format_rate(entry["mmapnet"]["mib_per_s"]))


def geometric_mean(values):
    values = list(values)
    return math.exp(sum(math.log(v) for v in values) / len(values)) if values else None


def _targets(entries, geomean, cold_geomean, imports, cold_processes):
    """The criteria, as far as this run can tell: met is None for a criterion whose operations this run did not
    measure (a --filter run). An operation over TARGET_RATIO passes when it is bounded by the call into .NET: within
    TARGET_OVER_FLOOR_NS of its floor."""
    def over(entry):
        if entry["ratio"] <= TARGET_RATIO:
            return False
        return "floor" not in entry or entry["floor"]["over_floor_ns"] > TARGET_OVER_FLOOR_NS

    warm_over = [e["name"] for e in entries if over(e)]
    cold_over = [e["name"] for e in entries if over(e["cold"])]
    slower_cold = [e["name"] for e in entries if e["cold_ratio_over_warm_ratio"] > TARGET_COLD_OVER_WARM]
    searches = [e for e in entries if e["search_64mib"]]
    bulk = [e for e in entries if e["bulk_read"]]

    def judged(measured, met):
        return bool(met) if measured else None

    def mean_met(value):
        return judged(value is not None, value is not None and value <= TARGET_GEOMEAN)

    cold_target = {"met": judged(entries, not slower_cold), "cold_processes": cold_processes,
                   "judged_from_cold_processes": MIN_COLD_PROCESSES_JUDGED, "over": slower_cold,
                   "cold_ratio_over_warm_ratio": {e["name"]: e["cold_ratio_over_warm_ratio"] for e in entries}}
    if cold_processes < MIN_COLD_PROCESSES_JUDGED:
        # Not judged on fewer processes: their spread is the machine's, not mmapnet's (MIN_COLD_PROCESSES_JUDGED).
        cold_target["met"] = None
        cold_target["why_not_judged"] = "needs --cold-processes %d or more" % MIN_COLD_PROCESSES_JUDGED

    return {
        "every_ratio_at_most_1_25_or_within_2_ns_of_its_floor": {
            "met": judged(entries, not warm_over and not cold_over), "over_warm": warm_over, "over_cold": cold_over},
        "geometric_mean_at_most_0_90": {"met": mean_met(geomean) and mean_met(cold_geomean),
                                        "value": geomean, "cold": cold_geomean},
        "cold_within_10_percent_of_warm": cold_target,
        "find_rfind_64mib_3x_faster": {
            "met": judged(searches, all(e["ratio"] <= 1 / TARGET_SEARCH_SPEEDUP for e in searches)),
            "speedups": {e["name"]: 1 / e["ratio"] for e in searches}},
        "bulk_reads_no_slower": {
            "met": judged(bulk, all(e["ratio"] <= 1.0 for e in bulk)),
            "ratios": {e["name"]: e["ratio"] for e in bulk}},
        "import_under_100ms_warm": {
            "met": judged(imports, imports and imports["mmapnet_ms_median"] < TARGET_IMPORT_MS),
            "mmapnet_ms": imports and imports["mmapnet_ms_median"]},
    }


def write_svg(report, path):
    """A horizontal bar chart of the ratios on a log scale, two bars per operation (warm, then cold in a fresh
    process), drawn from 1.0, with lines at 1.0 and at the per-operation limit."""
    rows = [(e["name"], e["ratio"], e["cold"]["ratio"]) for e in report["operations"]]
    if report["geometric_mean"] is not None:
        rows.append(("geometric mean", report["geometric_mean"], report["cold_geometric_mean"]))
    label_width, plot_width, value_width = 330, 520, 110
    row_height, bar_height, top, bottom = 30, 10, 90, 44
    width = label_width + plot_width + value_width + 20
    height = top + row_height * len(rows) + bottom
    ratios = [r for _, warm, cold in rows for r in (warm, cold)] or [1.0]
    low = 2.0 ** math.floor(math.log2(min(min(ratios) / 1.1, 0.5)))
    high = 2.0 ** math.ceil(math.log2(max(max(ratios) * 1.1, 2.0)))

    def x(ratio):
        clamped = min(max(ratio, low), high)
        return label_width + plot_width * (math.log2(clamped) - math.log2(low)) / (math.log2(high) - math.log2(low))

    def colour(ratio, cold):
        shades = ("#2e7d32", "#ef8f00", "#c62828") if not cold else ("#81c784", "#ffcc80", "#ef9a9a")
        return shades[0] if ratio <= 1.0 else shades[1] if ratio <= TARGET_RATIO else shades[2]

    python = report["python"]
    title = "mmapnet / stdlib mmap: time ratio per operation (log scale; below 1 is faster)"
    subtitle = "Python %s, mmapnet backend %s, %s of %d alternating repeats, %s time%s; geometric mean %.2f, cold %.2f" % (
        python["version"], report["mmapnet"]["backend"], report["settings"]["statistic"],
        report["settings"]["repeats"], "CPU" if report["settings"]["clock"] == "cpu" else "elapsed",
        ", quick run" if report["settings"]["quick"] else "", report["geometric_mean"] or float("nan"),
        report["cold_geometric_mean"] or float("nan"))
    legend_y = 62
    out = [
        '<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" '
        'font-family="DejaVu Sans, Arial, sans-serif" font-size="12">' % (width, height, width, height),
        '<rect width="100%" height="100%" fill="#ffffff"/>',
        '<text x="10" y="22" font-size="15" font-weight="bold">%s</text>' % html.escape(title),
        '<text x="10" y="42" fill="#555555">%s</text>' % html.escape(subtitle),
        '<rect x="10" y="%d" width="14" height="%d" fill="%s"/>' % (legend_y - 9, bar_height, colour(0.5, False)),
        '<text x="30" y="%d">warm: after warm-up passes in one process</text>' % legend_y,
        '<rect x="330" y="%d" width="14" height="%d" fill="%s"/>' % (legend_y - 9, bar_height, colour(0.5, True)),
        '<text x="350" y="%d">cold: a fresh process per operation, no warm-up</text>' % legend_y,
    ]
    plot_top, plot_bottom = top - 8, top + row_height * len(rows)
    tick = low
    while tick <= high * 1.0001:
        tx = x(tick)
        label = ("%g" % tick) if tick >= 1 else "1/%g" % (1 / tick)
        out.append('<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#e4e4e4"/>' % (tx, plot_top, tx, plot_bottom))
        out.append('<text x="%.1f" y="%d" text-anchor="middle" fill="#555555">%s</text>'
                   % (tx, plot_bottom + 16, label))
        tick *= 2
    for index, (name, warm, cold) in enumerate(rows):
        y = top + row_height * index
        is_mean = name == "geometric mean"
        weight = ' font-weight="bold"' if is_mean else ""
        out.append('<text x="%d" y="%d" text-anchor="end"%s>%s</text>' % (
            label_width - 8, y + 17, weight, html.escape(name)))
        for offset, ratio, cold_bar in ((4, warm, False), (4 + bar_height + 2, cold, True)):
            left, right = sorted((x(1.0), x(ratio)))
            out.append('<rect x="%.1f" y="%d" width="%.1f" height="%d" fill="%s"/>' % (
                left, y + offset, max(right - left, 1.0), bar_height, colour(ratio, cold_bar)))
        out.append('<text x="%.1f" y="%d"%s>%.2f / %.2f</text>' % (
            label_width + plot_width + 8, y + 17, weight, warm, cold))
        if is_mean:
            out.append('<line x1="10" y1="%d" x2="%d" y2="%d" stroke="#999999"/>' % (y, width - 10, y))
    one, limit = x(1.0), x(TARGET_RATIO)
    out.append('<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#222222" stroke-width="1.5"/>'
               % (one, plot_top, one, plot_bottom))
    out.append('<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#c62828" stroke-width="1.5" '
               'stroke-dasharray="5,3"/>' % (limit, plot_top, limit, plot_bottom))
    out.append('<text x="%.1f" y="%d" text-anchor="middle">1.0</text>' % (one, plot_top - 4))
    out.append('<text x="%.1f" y="%d" fill="#c62828" text-anchor="start">%g</text>'
               % (limit + 3, plot_top - 4, TARGET_RATIO))
    out.append('<text x="%d" y="%d" text-anchor="middle" fill="#555555">mmapnet time / stdlib time (warm / cold)</text>'
               % (label_width + plot_width // 2, plot_bottom + 34))
    out.append("</svg>")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


CLOCKS = {
    # CPU time of this thread: time spent waiting for a CPU while other processes run is not counted,
    # so the numbers hold on a shared, loaded machine. Time blocked in the kernel (flush's msync
    # waiting for the disk) is not counted either, and work other threads do (the .NET runtime's
    # background JIT) is not charged to the operation.
    "cpu": time.thread_time,
    # Elapsed time: what a user waits for; meaningful on a quiet machine only.
    "wall": time.perf_counter,
}


class Settings:
    def __init__(self, quick, repeats, clock, cold_processes=1):
        self.quick = quick
        self.repeats = repeats or (3 if quick else 15)
        self.target_seconds = 0.001 if quick else 0.02
        self.warm_up_seconds = 0.002 if quick else 0.04
        self.warm_up_passes = 1 if quick else 3
        # After each pass, time for the .NET runtime's background compilation (when tiering is on) to finish.
        self.warm_up_pause = 0.01 if quick else 0.3
        self.import_runs = 2 if quick else 7
        # Cold: as `python -m timeit` times a statement, 7 repeats (3 in a quick run) with no warm-up.
        self.cold_repeats = 3 if quick else 7
        if cold_processes < 1:
            raise ValueError("--cold-processes must be at least 1")
        self.cold_processes = cold_processes
        self.clock_name = clock
        self.clock = CLOCKS[clock]


def run(quick=False, name_filter=None, repeats=None, clock="cpu", cold_processes=1, log=print):
    """Runs the benchmark and returns the report (a dict, the JSON document)."""
    import mmap
    import mmapnet
    settings = Settings(quick, repeats, clock, cold_processes)
    data = Data(quick)
    try:
        selected = [op for op in _operations(data) if not name_filter or name_filter.lower() in op.name.lower()]
        modules = [("stdlib", mmap), ("mmapnet", mmapnet)]
        load_before = os.getloadavg()
        log("Python %s (%s), mmapnet backend %s; median of %d alternating repeats of ~%g ms, %s time"
            % (platform.python_version(), sys.executable, mmapnet.__backend__, settings.repeats,
               settings.target_seconds * 1000, "CPU" if clock == "cpu" else "elapsed"))
        for _ in range(settings.warm_up_passes):
            _warm_up(selected, modules, data, settings)
        log(HEADER)
        entries = [_measure(op, modules, data, settings, log) for op in selected]
        log("cold: each operation in a fresh process, no warm-up (%d per operation; the median one shown)"
            % settings.cold_processes)
        log(HEADER)
        for entry, operation in zip(entries, selected):
            entry["cold"] = _measure_cold(operation, settings, log)
            # Both modules are cold in the fresh process (caches, page tables): ratios to the stdlib are compared, so
            # that what is left is what mmapnet alone loses by being cold (code not yet compiled, or compiled less well).
            entry["cold_ratio_over_warm_ratio"] = _cold_over_warm(entry["cold"])
            log(_row(entry["cold"]) + "   cold/warm %5.2f, first loop %s" % (
                entry["cold_ratio_over_warm_ratio"],
                " ".join("%s %s" % (label, _format_ns(entry["cold"][label]["first_loop_ns"]))
                         for label in ("stdlib", "mmapnet"))))
        geomean = geometric_mean(e["ratio"] for e in entries)
        cold_geomean = geometric_mean(e["cold"]["ratio"] for e in entries)
        floored = [e for e in entries if "floor" in e]
        if floored:
            log("the call into .NET, per call: an empty slot or method of the same kind (the floor), and the operation")
            log("%-44s %15s %15s %12s %12s" % ("operation", "floor ns", "mmapnet ns", "over floor", "cold over"))
            for e in floored:
                log("%-44s %15.1f %15.1f %12.1f %12.1f" % (
                    e["name"], e["floor"]["ns_per_call"], e["floor"]["mmapnet_ns_per_call"], e["floor"]["over_floor_ns"],
                    e["cold"]["floor"]["over_floor_ns"]))
        imports = None
        if not name_filter or name_filter.lower() in "import (warm)":
            imports = _import_times(settings.import_runs, log)
        if geomean is not None:
            log("%-44s %31s %7.2f (cold %.2f)" % ("geometric mean of the ratios", "", geomean, cold_geomean))
        report = {
            "schema": SCHEMA,
            "python": {"version": platform.python_version(), "implementation": platform.python_implementation(),
                       "executable": sys.executable},
            "mmapnet": {"backend": mmapnet.__backend__},
            "process_id": os.getpid(),
            "machine": {"platform": platform.platform(), "cpus": os.cpu_count(),
                        "load_average_before": load_before, "load_average_after": os.getloadavg()},
            "settings": {"quick": quick, "filter": name_filter, "repeats": settings.repeats, "statistic": "median",
                         "clock": clock, "cold_processes": settings.cold_processes,
                         "target_ms_per_repeat": settings.target_seconds * 1000, "seed": SEED,
                         "big_map_bytes": data.big_size},
            "operations": entries,
            "geometric_mean": geomean,
            "cold_geometric_mean": cold_geomean,
            "import": imports,
        }
        report["targets"] = _targets(entries, geomean, cold_geomean, imports, settings.cold_processes)
        for name, target in report["targets"].items():
            verdict = {True: "met", False: "NOT met", None: "not measured"}[target["met"]]
            if "why_not_judged" in target:
                verdict = "not judged: " + target["why_not_judged"]
            log("target %-40s %s" % (name, verdict))
        return report
    finally:
        data.remove()


def main(argv):
    parser = argparse.ArgumentParser(
        prog="python -m mmapnet bench",
        description="Times the stdlib mmap and mmapnet side by side on the same operations, in this process.")
    parser.add_argument("--json", metavar="FILE", help="write the full report (every sample) as JSON")
    parser.add_argument("--chart", metavar="FILE.svg", help="write an SVG bar chart of the ratios")
    parser.add_argument("--quick", action="store_true",
                        help="a fast, rough run (3 repeats of ~1 ms each): checks the harness, not the speed")
    parser.add_argument("--filter", metavar="SUBSTR", help="only the operations whose name contains SUBSTR")
    parser.add_argument("--repeat", type=int, metavar="N", help="alternating repeats per operation (default 15)")
    parser.add_argument("--clock", choices=sorted(CLOCKS), default="cpu",
                        help="cpu: this thread's CPU time (default; steady on a shared machine); "
                             "wall: elapsed time (for a quiet machine)")
    parser.add_argument("--cold-processes", type=int, default=1, metavar="N",
                        help="fresh processes per operation for the cold timing (default 1); the report takes the "
                             "median one by cold/warm (the upper middle of an even count), and judges cold within 10%% "
                             # argparse %-formats help strings itself: the %% must reach it whole
                             "of warm from {} processes on".format(MIN_COLD_PROCESSES_JUDGED))
    parser.add_argument("--list", action="store_true", help="list the operations and exit")
    parser.add_argument("--cold-child", metavar="NAME", help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    if options.cold_child:
        _cold_child(options.cold_child, options.quick, options.repeat, options.clock)
        return 0
    if options.list:
        data = Data(quick=True)
        try:
            for op in _operations(data):
                print("%-44s %s" % (op.name, op.statement))
        finally:
            data.remove()
        return 0
    gc.collect()
    try:
        Settings(options.quick, options.repeat, options.clock, options.cold_processes)  # the options' checks, before the run
    except ValueError as error:
        parser.error(str(error))
    report = run(quick=options.quick, name_filter=options.filter, repeats=options.repeat, clock=options.clock,
                 cold_processes=options.cold_processes)
    if options.json:
        with open(options.json, "w", encoding="utf-8") as f:
            json.dump(report, f, indent=2)
            f.write("\n")
    if options.chart:
        write_svg(report, options.chart)
    return 0
