"""Subclassing mmap.mmap from Python: extra attributes, methods, __init__ and __new__ with other signatures,
overridden methods, __slots__, and what the interpreter refuses."""

import transcript
from transcript import raises, step

mmap = transcript.install()


class Tagged(mmap.mmap):
    """A map with a tag and a size-only constructor."""

    def __new__(cls, size, tag):
        return super().__new__(cls, -1, size)

    def __init__(self, size, tag):
        self.tag = tag
        self.writes = 0

    def write(self, data):
        self.writes += 1
        return super().write(data)

    def header(self):
        return self[:4]

    def __repr__(self):
        return "Tagged(%r, %s)" % (self.tag, super().__repr__())


class Slotted(mmap.mmap):
    __slots__ = ("label",)


class Plain(mmap.mmap):
    pass


def extra_attributes_and_methods():
    m = Tagged(16, "t1")
    m.write(b"head")
    m.write(b"body")
    m.extra = [1, 2]
    return (m.tag, m.writes, m.header(), m[4:8], m.extra, sorted(vars(m)), isinstance(m, mmap.mmap),
            type(m).__mro__[1] is mmap.mmap, repr(m))


def plain_subclass():
    m = Plain(-1, 8, access=mmap.ACCESS_WRITE)
    m[0] = 7
    return repr(m), m[0], len(m), raises(lambda: Plain(-1)), raises(lambda: Plain(-1, 8, tagname="x"))


def slots():
    m = Slotted(-1, 4)
    m.label = "x"
    return m.label, raises(lambda: setattr(m, "other", 1)), hasattr(m, "__dict__")


def protocols_through_subclass():
    m = Plain(-1, 8)
    m[:] = b"abcdefgh"
    view = memoryview(m)
    outcome = [view[:2].tobytes(), b"c" in m, list(m)[:3], m[::2], raises(m.close)]
    view.release()
    outcome.append(raises(m.close))
    return outcome


def context_manager_in_subclass():
    with Tagged(4, "ctx") as m:
        inside = (type(m).__name__, m.tag, m.closed)
    return inside, m.closed


def overriding_close():
    calls = []

    class Logged(mmap.mmap):
        def close(self):
            calls.append("close")
            super().close()

    with Logged(-1, 4):
        pass
    return calls  # 3.10's __exit__ calls self.close(); later versions close directly


def object_new_refused():
    class Sneaky(mmap.mmap):
        def __new__(cls, *args):
            return object.__new__(cls)
    return raises(lambda: Sneaky(-1, 4))


def new_returning_other_things():
    class ReturnsInt(mmap.mmap):
        def __new__(cls, *args):
            return 42

    class ReturnsBase(mmap.mmap):
        def __new__(cls, *args):
            return mmap.mmap(-1, 3)

        def __init__(self, *args):
            raise AssertionError("not called: __new__ returned another type")
    return ReturnsInt(-1, 4), type(ReturnsBase(-1, 4)).__name__, len(ReturnsBase(-1, 9))


def base_new_with_wrong_types():
    return (raises(lambda: mmap.mmap.__new__(int, -1, 4)), raises(lambda: mmap.mmap.__new__(mmap.mmap)),
            raises(lambda: object.__new__(mmap.mmap)), raises(lambda: mmap.mmap.read(b"x", 1)),
            raises(lambda: mmap.mmap.__len__(5)), raises(lambda: mmap.mmap.__getitem__([], 0)))


def init_raising():
    class Failing(mmap.mmap):
        def __init__(self, *args):
            raise RuntimeError("init fails")
    return raises(lambda: Failing(-1, 4))


def multiple_inheritance():
    class Mixin:
        def describe(self):
            return "%s of %d bytes" % (type(self).__name__, len(self))

    class Mixed(Mixin, mmap.mmap):
        pass
    return Mixed(-1, 6).describe(), raises(lambda: type("Bad", (mmap.mmap, bytes), {}))


def subclass_of_subclass():
    class Deeper(Tagged):
        def header(self):
            return b"deep" + super().header()
    m = Deeper(8, "d")
    m.write(b"wxyz")
    return m.header(), m.writes, repr(m)


def class_attributes_are_locked():
    return raises(lambda: setattr(mmap.mmap, "extra", 1)), raises(lambda: delattr(mmap.mmap, "read"))


step("extra attributes, methods, __init__ and __new__", extra_attributes_and_methods)
step("a plain subclass", plain_subclass)
step("__slots__", slots)
step("protocols through a subclass", protocols_through_subclass)
step("a subclass as a context manager", context_manager_in_subclass)
step("an overridden close() and __exit__", overriding_close)
step("object.__new__ refused", object_new_refused)
step("__new__ returning other things", new_returning_other_things)
step("mmap.__new__ and methods with wrong types", base_new_with_wrong_types)
step("__init__ raising", init_raising)
step("multiple inheritance", multiple_inheritance)
step("a subclass of a subclass", subclass_of_subclass)
step("the type's attributes cannot be set", class_attributes_are_locked)
