"""Every slot and method of the module, on its error paths and its plain ones, called while CPython's cyclic
collector runs at every tracked allocation and finds maps to collect.

    python gc_reentry.py MODULE [ITERATIONS]

Before each call, objects holding maps in reference cycles become garbage, a map of a subclass with a __del__
that uses the module does too, and a weakref callback that uses the module waits on a map in a cycle; a young map
is alive. Each call runs inside an `except` block (on 3.10 and 3.11 an exception raised there is created at once,
a tracked allocation) with gc.set_threshold(1). Whatever the collector then calls back (tp_traverse, tp_dealloc,
__del__, weakref callbacks) must run while the module's own call is in progress. Prints `label => outcome` per step
and a count of finalizers run; with ITERATIONS, instead runs that many rounds of a whole error handler with the
default thresholds and prints only the totals, which must match the stdlib's.
"""

import gc
import importlib
import sys
import weakref

mmap = importlib.import_module(sys.argv[1])
ITERATIONS = int(sys.argv[2]) if len(sys.argv) > 2 else 0
HUGE = 2 ** 64
finalized = []


class Raising:
    def __index__(self):
        raise ZeroDivisionError("__index__ raised")


class Index:
    def __init__(self, value):
        self.value = value

    def __index__(self):
        gc.collect()  # Python code inside the call, with a full collection in it
        return self.value


def use_module(tag):
    m = mmap.mmap(-1, 32)
    m[0] = 7
    m[1:4] = b"abc"
    found = m.find(b"bc")
    m.seek(2)
    m.read(3)
    m.close()
    finalized.append((tag, found))


class Finalized(mmap.mmap):
    def __del__(self):
        use_module("__del__")


class Holder:
    pass


keep = []


def make_garbage():
    """Cycles holding maps, a subclass map with __del__, and a weakref callback on a map in a cycle."""
    cycle = []
    cycle.append(cycle)
    cycle.append(mmap.mmap(-1, 16))
    holder = Holder()
    holder.me = holder
    holder.map = Finalized(-1, 16)
    holder.other = mmap.mmap(-1, 16)
    keep.append(weakref.ref(holder.other, lambda ref: use_module("weakref")))
    if len(keep) > 64:
        del keep[:32]


def filled():
    m = mmap.mmap(-1, 16)
    m.write(b"abcdefghijklmnop")
    m.seek(0)
    return m


def readonly():
    m = mmap.mmap(-1, 16, prot=mmap.PROT_READ)
    return m


def closed():
    m = filled()
    m.close()
    return m


def setitem_sequence(m, index, value):
    # sq_ass_item is reached only through the C API.
    import ctypes
    ctypes.pythonapi.PySequence_SetItem.argtypes = [ctypes.py_object, ctypes.c_ssize_t, ctypes.py_object]
    ctypes.pythonapi.PySequence_SetItem.restype = ctypes.c_int
    return ctypes.pythonapi.PySequence_SetItem(m, index, value)


OPERATIONS = [
    ("m[HUGE]", lambda m: m[HUGE]),
    ("m[-HUGE]", lambda m: m[-HUGE]),
    ("m[2**63]", lambda m: m[2 ** 63]),
    ("m[2**63 - 1]", lambda m: m[2 ** 63 - 1]),
    ("m[-2**63]", lambda m: m[-2 ** 63]),
    ("m[Raising()]", lambda m: m[Raising()]),
    ("m[Index(3)]", lambda m: m[Index(3)]),
    ("m['x']", lambda m: m["x"]),
    ("m[1.5]", lambda m: m[1.5]),
    ("m[True]", lambda m: m[True]),
    ("m[3]", lambda m: m[3]),
    ("m[99]", lambda m: m[99]),
    ("m[2:HUGE]", lambda m: m[2:HUGE]),
    ("m[-HUGE:HUGE]", lambda m: m[-HUGE:HUGE]),
    ("m[HUGE:-HUGE:-1]", lambda m: m[HUGE:-HUGE:-1]),
    ("m[::HUGE]", lambda m: m[::HUGE]),
    ("m[::-HUGE]", lambda m: m[::-HUGE]),
    ("m[::-2**63]", lambda m: m[::-2 ** 63]),
    ("m[::0]", lambda m: m[::0]),
    ("m[Raising():]", lambda m: m[Raising():]),
    ("m[:Index(5)]", lambda m: m[:Index(5)]),
    ("m[1:9:Raising()]", lambda m: m[1:9:Raising()]),
    ("m['a':]", lambda m: m["a":]),
    ("m[1:9:2]", lambda m: m[1:9:2]),
    ("m[HUGE] = 1", lambda m: m.__setitem__(HUGE, 1)),
    ("m[0] = HUGE", lambda m: m.__setitem__(0, HUGE)),
    ("m[0] = 2**63", lambda m: m.__setitem__(0, 2 ** 63)),
    ("m[0] = 256", lambda m: m.__setitem__(0, 256)),
    ("m[0] = -1", lambda m: m.__setitem__(0, -1)),
    ("m[0] = 'x'", lambda m: m.__setitem__(0, "x")),
    ("m[0] = Raising()", lambda m: m.__setitem__(0, Raising())),
    ("m[Raising()] = 1", lambda m: m.__setitem__(Raising(), 1)),
    ("m[Index(2)] = Index(9)", lambda m: m.__setitem__(Index(2), Index(9))),
    ("m[::0] = b''", lambda m: m.__setitem__(slice(None, None, 0), b"")),
    ("m[2:HUGE] = b'x' * 14", lambda m: m.__setitem__(slice(2, HUGE), b"x" * 14)),
    ("m[0:2] = object()", lambda m: m.__setitem__(slice(0, 2), object())),
    ("m[0:2] = bytearray", lambda m: m.__setitem__(slice(0, 2), bytearray(b"zz"))),
    ("m[0:2] = b'abc'", lambda m: m.__setitem__(slice(0, 2), b"abc")),
    ("m[::HUGE] = b'q'", lambda m: m.__setitem__(slice(None, None, HUGE), b"q")),
    ("del m[0]", lambda m: m.__delitem__(0)),
    ("del m[0:2]", lambda m: m.__delitem__(slice(0, 2))),
    ("readonly m[0] = 1", lambda m: readonly().__setitem__(0, 1)),
    ("closed m[0]", lambda m: closed()[0]),
    ("closed m[HUGE:]", lambda m: closed()[HUGE:]),
    ("iterate", lambda m: list(m)),
    ("b'a' in m", lambda m: b"a" in m),
    ("97 in m", lambda m: 97 in m),
    ("sq_ass_item 0", lambda m: setitem_sequence(m, 0, b"z")),
    ("sq_ass_item 99", lambda m: setitem_sequence(m, 99, b"z")),
    ("sq_ass_item wrong", lambda m: setitem_sequence(m, 0, 5)),
    ("len", len),
    ("repr", lambda m: repr(m).replace("mmapnet", "mmap")),
    ("closed attribute", lambda m: m.closed),
    ("memoryview", lambda m: bytes(memoryview(m)[2:5])),
    ("find HUGE", lambda m: m.find(b"c", HUGE)),
    ("find 0 HUGE", lambda m: m.find(b"c", 0, HUGE)),
    ("find -HUGE", lambda m: m.find(b"c", -HUGE)),
    ("find Raising", lambda m: m.find(b"c", Raising())),
    ("find str", lambda m: m.find("c")),
    ("find bytearray", lambda m: m.find(bytearray(b"cd"))),
    ("find Index", lambda m: m.find(b"d", Index(1), Index(9))),
    ("rfind HUGE", lambda m: m.rfind(b"c", HUGE)),
    ("rfind 0 -HUGE", lambda m: m.rfind(b"c", 0, -HUGE)),
    ("rfind Raising", lambda m: m.rfind(Raising())),
    ("flush HUGE", lambda m: m.flush(HUGE)),
    ("flush 0 HUGE", lambda m: m.flush(0, HUGE)),
    ("flush Raising", lambda m: m.flush(Raising())),
    ("flush", lambda m: m.flush()),
    ("madvise HUGE", lambda m: m.madvise(HUGE)),
    ("madvise 0 HUGE", lambda m: m.madvise(mmap.MADV_NORMAL, HUGE)),
    ("madvise 0 0 HUGE", lambda m: m.madvise(mmap.MADV_NORMAL, 0, HUGE)),
    ("madvise Raising", lambda m: m.madvise(mmap.MADV_NORMAL, Raising())),
    ("move HUGE", lambda m: m.move(HUGE, 0, 1)),
    ("move 0 0 Raising", lambda m: m.move(0, 0, Raising())),
    ("move 0 0 HUGE", lambda m: m.move(0, 0, HUGE)),
    ("move 0 2 3", lambda m: m.move(0, 2, 3)),
    ("read HUGE", lambda m: m.read(HUGE)),
    ("read -HUGE", lambda m: m.read(-HUGE)),
    ("read Raising", lambda m: m.read(Raising())),
    ("read str", lambda m: m.read("x")),
    ("read None", lambda m: m.read(None)),
    ("read 3", lambda m: m.read(3)),
    ("read_byte at end", lambda m: (m.seek(16), m.read_byte())),
    ("read_byte", lambda m: m.read_byte()),
    ("readline", lambda m: m.readline()),
    ("resize HUGE", lambda m: m.resize(HUGE)),
    ("resize -1", lambda m: m.resize(-1)),
    ("resize Raising", lambda m: m.resize(Raising())),
    ("resize 64", lambda m: (m.resize(64), len(m))),
    ("seek HUGE", lambda m: m.seek(HUGE)),
    ("seek 0 HUGE", lambda m: m.seek(0, HUGE)),
    ("seek Raising", lambda m: m.seek(Raising())),
    ("seek 0 5", lambda m: m.seek(0, 5)),
    ("seek 3", lambda m: (m.seek(3), m.tell())),
    ("size", lambda m: m.size()),
    ("tell", lambda m: m.tell()),
    ("write HUGE", lambda m: m.write(HUGE)),
    ("write too long", lambda m: m.write(b"x" * 100)),
    ("write Raising", lambda m: m.write(Raising())),
    ("write bytes", lambda m: m.write(b"xyz")),
    ("write_byte 256", lambda m: m.write_byte(256)),
    ("write_byte HUGE", lambda m: m.write_byte(HUGE)),
    ("write_byte Raising", lambda m: m.write_byte(Raising())),
    ("write_byte -1", lambda m: m.write_byte(-1)),
    ("write_byte 65", lambda m: m.write_byte(65)),
    ("close", lambda m: m.close()),
    ("with", lambda m: m.__enter__() is m and m.__exit__(None, None, None)),
    ("closed find", lambda m: closed().find(b"a", HUGE)),
    ("closed read_byte", lambda m: closed().read_byte()),
    ("closed tell", lambda m: closed().tell()),
    ("closed len", lambda m: len(closed())),
    ("mmap(-1, HUGE)", lambda m: mmap.mmap(-1, HUGE)),
    ("mmap(-1, -1)", lambda m: mmap.mmap(-1, -1)),
    ("mmap(HUGE, 1)", lambda m: mmap.mmap(HUGE, 1)),
    ("mmap(flags=HUGE)", lambda m: mmap.mmap(-1, 16, flags=HUGE)),
    ("mmap(offset=HUGE)", lambda m: mmap.mmap(-1, 16, offset=HUGE)),
    ("mmap(access=Raising())", lambda m: mmap.mmap(-1, 16, access=Raising())),
    ("mmap(access=9)", lambda m: mmap.mmap(-1, 16, access=9)),
    ("mmap(Index(-1), Index(16))", lambda m: len(mmap.mmap(Index(-1), Index(16)))),
    ("mmap(-1, 'x')", lambda m: mmap.mmap(-1, "x")),
]
if hasattr(mmap.mmap, "seekable"):
    OPERATIONS.append(("seekable", lambda m: m.seekable()))


def describe(value):
    if isinstance(value, mmap.mmap):
        return "a map"
    return repr(value)


def run(operation):
    make_garbage()
    young = mmap.mmap(-1, 16)
    m = filled()
    try:
        raise KeyError("handled")
    except KeyError:
        make_garbage()
        try:
            outcome = describe(operation(m))
        except Exception as error:  # the transcript compares exception types and messages
            outcome = "raises %s: %s" % (type(error).__name__, error)
    young.close()
    return outcome


def loop(iterations):
    """An error handler that slices past Py_ssize_t while maps in cycles become garbage, default thresholds."""
    m = filled()
    errors = 0
    for i in range(iterations):
        make_garbage()
        try:
            raise KeyError(i)
        except KeyError:
            try:
                m[i % 16:HUGE]
                m[i % 16]
                m[HUGE]
            except IndexError:
                errors += 1
            try:
                m[::0]
            except ValueError:
                errors += 1
            try:
                m.find(b"x", HUGE)
            except OverflowError:
                errors += 1
    gc.collect()
    print("rounds %d errors %d finalizers ran %s" % (iterations, errors, bool(finalized)))


if ITERATIONS:
    loop(ITERATIONS)
else:
    gc.set_threshold(1)
    for label, operation in OPERATIONS:
        print("%s => %s" % (label, run(operation)), flush=True)
    gc.set_threshold(700)
    gc.collect()
    print("finalizers ran: %s" % sorted(set(tag for tag, _ in finalized)))
