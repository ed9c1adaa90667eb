"""Arguments chosen to make an implementation fail: integers too large for any C type, negative sizes and
offsets, objects whose __index__ or __buffer__ raises, or closes or resizes the map in the middle of the
call. Each step makes its own map; steps marked * are those where the map changes under the call (see
transcript.py)."""

import sys

import transcript
from transcript import step

mmap = transcript.install()

HUGE = 2**100
TEXT = b"abcdefghijklmnop"


def filled(size=16):
    m = mmap.mmap(-1, size)
    m.write((TEXT * (size // 16 + 1))[:size])
    m.seek(0)
    return m


def on_map(operation, size=16):
    """A step: a fresh map, then operation(map)."""
    return lambda: operation(filled(size))


class Raising:
    def __index__(self):
        raise ZeroDivisionError("__index__ raised")


class Index:
    """An index whose conversion runs `effect` on the map first."""

    def __init__(self, effect, value=0):
        self.effect, self.value = effect, value

    def __index__(self):
        self.effect()
        return self.value


def with_effect(build, effect_name, value=0):
    """A step: build(map, index) where index's __index__ applies an effect to the map."""
    def action():
        m = filled(3 * mmap.PAGESIZE if effect_name == "shrinks" else 16)
        effect = {"closes": m.close, "shrinks": lambda: m.resize(1), "grows": lambda: m.resize(2 * mmap.PAGESIZE)}[effect_name]
        return build(m, Index(effect, value))
    return action


# --- sizes, offsets and descriptors at the edges -----------------------------------------------------------
for label, arguments, keywords in [
    ("length 2**100", (-1, HUGE), {}),
    ("length 2**63 - 1", (-1, 2**63 - 1), {}),
    ("length 2**64", (-1, 2**64), {}),
    ("length -1", (-1, -1), {}),
    ("length -2**100", (-1, -HUGE), {}),
    ("length 0 of an anonymous map", (-1, 0), {}),
    ("offset -1", (-1, 16), {"offset": -1}),
    ("offset 2**63", (-1, 16), {"offset": 2**63}),
    ("offset not page aligned", (-1, 16), {"offset": 1}),
    ("fileno 2**31", (2**31, 16), {}),
    ("fileno -2", (-2, 16), {}),
    ("fileno of no open file", (100000, 16), {}),
    ("flags 2**40", (-1, 16), {"flags": 2**40}),
    ("prot -1", (-1, 16), {"prot": -1}),
    ("access 99", (-1, 16), {"access": 99}),
    ("access and prot together", (-1, 16), {"access": mmap.ACCESS_READ, "prot": mmap.PROT_READ}),
    ("length of a float", (-1, 1.5), {}),
    ("length of a str", (-1, "16"), {}),
    ("length whose __index__ raises", (-1, Raising()), {}),
    ("fileno whose __index__ raises", (Raising(), 16), {}),
    ("too many arguments", (-1, 16, 1, 3, 0, 0, 0), {}),
]:
    step("mmap(%s)" % label, (lambda a, k: lambda: mmap.mmap(*a, **k))(arguments, keywords))
if sys.version_info >= (3, 13):
    step("mmap(trackfd=2**100)", lambda: len(mmap.mmap(-1, 16, trackfd=HUGE)))
    step("mmap(trackfd=None)", lambda: mmap.mmap(-1, 16, trackfd=None))

# --- indexes, slices and values out of every range ---------------------------------------------------------
for label, operation in [
    ("m[2**100]", lambda m: m[HUGE]),
    ("m[-2**100]", lambda m: m[-HUGE]),
    ("m[2**63 - 1]", lambda m: m[2**63 - 1]),
    ("m[-2**63]", lambda m: m[-2**63]),
    ("m[1.0]", lambda m: m[1.0]),
    ("m[None]", lambda m: m[None]),
    ("m[(1, 2)]", lambda m: m[1, 2]),
    ("m[Raising()]", lambda m: m[Raising()]),
    ("m[-2**100:2**100:2**70]", lambda m: m[-HUGE:HUGE:2**70]),
    ("m[::-2**63]", lambda m: m[::-2**63]),
    ("m[::0]", lambda m: m[::0]),
    ("m[Raising():]", lambda m: m[Raising():]),
    ("m[2**100] = 1", lambda m: m.__setitem__(HUGE, 1)),
    ("m[0] = 2**100", lambda m: m.__setitem__(0, HUGE)),
    ("m[0] = -1", lambda m: m.__setitem__(0, -1)),
    ("m[0] = 256", lambda m: m.__setitem__(0, 256)),
    ("m[0] = b'a'", lambda m: m.__setitem__(0, b"a")),
    ("m[0] = Raising()", lambda m: m.__setitem__(0, Raising())),
    ("del m[0]", lambda m: m.__delitem__(0)),
    ("del m[0:2]", lambda m: m.__delitem__(slice(0, 2))),
    ("m[::2**63 - 1] = b'a'", lambda m: m.__setitem__(slice(None, None, 2**63 - 1), b"a")),
    ("m[0:4] = b'toolong'", lambda m: m.__setitem__(slice(0, 4), b"toolong")),
    ("m[0:4] = 'text'", lambda m: m.__setitem__(slice(0, 4), "text")),
    ("m[0:4] = 1234", lambda m: m.__setitem__(slice(0, 4), 1234)),
    ("m[0:4] = memoryview of itself", lambda m: (m.__setitem__(slice(0, 4), memoryview(m)[2:6]), m[:8])),
    ("sq_item through iteration past a shrink", lambda m: [m.resize(2) if i == 0 else None for i, _ in enumerate(m)]),
]:
    step(label, on_map(operation))

# --- method arguments out of every range -------------------------------------------------------------------
for label, operation in [
    ("read(2**100)", lambda m: m.read(HUGE)),
    ("read(-2**100)", lambda m: m.read(-HUGE)),
    ("read(None)", lambda m: m.read(None)),
    ("read(Raising())", lambda m: m.read(Raising())),
    ("read(1.5)", lambda m: m.read(1.5)),
    ("seek(2**100)", lambda m: m.seek(HUGE)),
    ("seek(0, 2**100)", lambda m: m.seek(0, HUGE)),
    ("seek(-2**62, 1)", lambda m: m.seek(-2**62, 1)),
    ("seek(2**63 - 1, 1) from 1", lambda m: (m.seek(1), m.seek(2**63 - 1, 1))),
    ("seek(0, 3)", lambda m: m.seek(0, 3)),
    ("resize(-1)", lambda m: m.resize(-1)),
    ("resize(2**62)", lambda m: m.resize(2**62)),
    ("resize(2**100)", lambda m: m.resize(HUGE)),
    ("resize(0)", lambda m: m.resize(0)),
    ("move(2**62, 0, 1)", lambda m: m.move(2**62, 0, 1)),
    ("move(0, 0, 2**63 - 1)", lambda m: m.move(0, 0, 2**63 - 1)),
    ("move(-1, 0, 1)", lambda m: m.move(-1, 0, 1)),
    ("move(0, 1, -1)", lambda m: m.move(0, 1, -1)),
    ("move(8, 0, 2**64 - 8)", lambda m: m.move(8, 0, 2**64 - 8)),
    ("flush(2**62, 1)", lambda m: m.flush(2**62, 1)),
    ("flush(0, -1)", lambda m: m.flush(0, -1)),
    ("flush(1, 1)", lambda m: m.flush(1, 1)),
    ("flush(0, 2**63 - 1)", lambda m: m.flush(0, 2**63 - 1)),
    ("madvise(MADV_NORMAL, 2**62)", lambda m: m.madvise(mmap.MADV_NORMAL, 2**62)),
    ("madvise(MADV_NORMAL, 0, 2**63 - 1)", lambda m: m.madvise(mmap.MADV_NORMAL, 0, 2**63 - 1)),
    ("madvise(MADV_NORMAL, -1)", lambda m: m.madvise(mmap.MADV_NORMAL, -1)),
    ("madvise(MADV_NORMAL, 0, -1)", lambda m: m.madvise(mmap.MADV_NORMAL, 0, -1)),
    ("madvise(2**31)", lambda m: m.madvise(2**31)),
    ("madvise(-1)", lambda m: m.madvise(-1)),
    ("find(b'', 2**100)", lambda m: m.find(b"", HUGE)),
    ("find(b'a', -2**63, 2**63 - 1)", lambda m: m.find(b"a", -2**63, 2**63 - 1)),
    ("rfind(b'a', 2**63 - 1, -2**63)", lambda m: m.rfind(b"a", 2**63 - 1, -2**63)),
    ("find(b'longer than the map ...')", lambda m: m.find(TEXT * 3)),
    ("find('str')", lambda m: m.find("a")),
    ("find(None)", lambda m: m.find(None)),
    ("find(memoryview of itself)", lambda m: m.find(memoryview(m)[4:6])),
    ("find(non-contiguous view)", lambda m: m.find(memoryview(b"abcd")[::2])),
    ("write(non-contiguous view)", lambda m: m.write(memoryview(b"abcd")[::2])),
    ("write(b'x' * 17)", lambda m: m.write(b"x" * 17)),
    ("write(memoryview of itself)", lambda m: (m.write(memoryview(m)[8:12]), m[:]))
    ,
    ("write_byte(2**100)", lambda m: m.write_byte(HUGE)),
    ("write_byte(-1)", lambda m: m.write_byte(-1)),
    ("write_byte(256)", lambda m: m.write_byte(256)),
    ("write_byte(b'a')", lambda m: m.write_byte(b"a")),
    ("write_byte at the end", lambda m: (m.seek(0, 2), m.write_byte(1))),
    ("read_byte at the end", lambda m: (m.seek(0, 2), m.read_byte())),
    ("readline at the end", lambda m: (m.seek(0, 2), m.readline())),
    ("size() of an anonymous map", lambda m: m.size()),
    ("close() twice", lambda m: (m.close(), m.close())),
    ("keyword arguments to read", lambda m: m.read(n=1)),
    ("too many arguments to find", lambda m: m.find(b"a", 0, 1, 2)),
]:
    step(label, on_map(operation))

# --- __index__ that closes or resizes the map while the call converts it -----------------------------------
for effect in ("closes", "shrinks", "grows"):
    for label, build in [
        ("m[i]", lambda m, i: m[i]),
        ("m[i:4]", lambda m, i: m[i:4]),
        ("m[0:4:i]", lambda m, i: m[0:4:i]),
        ("m[i] = 1", lambda m, i: m.__setitem__(i, 1)),
        ("m[0] = i", lambda m, i: m.__setitem__(0, i)),
        ("m[i:4] = b'wxyz'", lambda m, i: m.__setitem__(slice(i, 4), b"wxyz")),
        ("read(i)", lambda m, i: m.read(i)),
        ("find(b'c', i)", lambda m, i: m.find(b"c", i)),
        ("rfind(b'c', 0, i)", lambda m, i: m.rfind(b"c", 0, i)),
        ("seek(i)", lambda m, i: m.seek(i)),
        ("move(i, 1, 2)", lambda m, i: m.move(i, 1, 2)),
        ("flush(i, 1)", lambda m, i: m.flush(i, 1)),
        ("madvise(MADV_NORMAL, i, 1)", lambda m, i: m.madvise(mmap.MADV_NORMAL, i, 1)),
        ("write_byte(i)", lambda m, i: m.write_byte(i)),
        ("resize(i)", lambda m, i: m.resize(i)),
    ]:
        value = 32 if label == "resize(i)" else (1 if label == "m[0:4:i]" else 2)
        step("* %s where __index__ %s the map" % (label, effect), with_effect(build, effect, value))


# --- __buffer__ (3.12+) that closes or resizes the map while the call holds the argument's buffer ----------
class Buffer:
    def __init__(self, effect):
        self.effect = effect

    def __buffer__(self, flags):
        self.effect()
        return memoryview(b"wxyz")


def with_buffer(build, effect_name):
    def action():
        if sys.version_info < (3, 12):
            return "no __buffer__ before 3.12"
        m = filled(3 * mmap.PAGESIZE if effect_name == "shrinks" else 16)
        effect = {"closes": m.close, "shrinks": lambda: m.resize(2), "grows": lambda: m.resize(2 * mmap.PAGESIZE)}[effect_name]
        return build(m, Buffer(effect))
    return action


for effect in ("closes", "shrinks", "grows"):
    for label, build in [
        ("write(b)", lambda m, b: (m.write(b), m.tell())),
        ("m[0:4] = b", lambda m, b: m.__setitem__(slice(0, 4), b)),
        ("m[0:8:2] = b", lambda m, b: m.__setitem__(slice(0, 8, 2), b)),
        ("find(b)", lambda m, b: m.find(b)),
        ("rfind(b)", lambda m, b: m.rfind(b)),
        ("b in m", lambda m, b: b in m),
    ]:
        step("* %s where __buffer__ %s the map" % (label, effect), with_buffer(build, effect))


# --- the map used after the operations that end it ---------------------------------------------------------
def closed(operation):
    def action():
        m = filled()
        m.close()
        return operation(m)
    return action


for label, operation in [
    ("len", len), ("m[0]", lambda m: m[0]), ("m[0:1]", lambda m: m[0:1]), ("m[0] = 1", lambda m: m.__setitem__(0, 1)),
    ("iter", lambda m: list(m)), ("in", lambda m: b"a" in m), ("read", lambda m: m.read()), ("read_byte", lambda m: m.read_byte()),
    ("readline", lambda m: m.readline()), ("write", lambda m: m.write(b"a")), ("write_byte", lambda m: m.write_byte(1)),
    ("find", lambda m: m.find(b"a")), ("rfind", lambda m: m.rfind(b"a")), ("seek", lambda m: m.seek(0)), ("tell", lambda m: m.tell()),
    ("size", lambda m: m.size()), ("flush", lambda m: m.flush()), ("move", lambda m: m.move(0, 1, 1)),
    ("madvise", lambda m: m.madvise(mmap.MADV_NORMAL)), ("resize", lambda m: m.resize(8)), ("repr", repr),
    ("closed", lambda m: m.closed), ("memoryview", memoryview), ("bytes", bytes),
]:
    step("%s of a closed map" % label, closed(operation))
