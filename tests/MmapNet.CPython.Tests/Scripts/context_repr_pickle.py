"""The context manager, repr, and the refusal to pickle or copy a map."""

import copy
import pickle

import transcript
from transcript import raises, step

mmap = transcript.install()


def with_statement():
    with mmap.mmap(-1, 8) as m:
        m.write(b"abc")
        inside = (m.closed, m[:3], m.tell())
    return inside, m.closed, raises(lambda: m[0])


def enter_returns_self():
    m = mmap.mmap(-1, 8)
    entered = m.__enter__()
    return entered is m, m.__exit__(None, None, None), m.closed


def exception_inside_with():
    state = {}

    def body():
        with mmap.mmap(-1, 8) as m:
            state["map"] = m
            raise KeyError("inside")
    return raises(body), state["map"].closed


def exit_arguments():
    m = mmap.mmap(-1, 8)
    return m.__exit__(), m.closed, raises(lambda: m.__exit__(1, 2, 3, 4)), raises(lambda: m.__exit__(a=1))


def with_on_closed_map():
    m = mmap.mmap(-1, 8)
    m.close()

    def enter():
        with m:
            pass
    return raises(enter)


def with_live_export():
    def body():
        with mmap.mmap(-1, 8) as m:
            body.view = memoryview(m)
    outcome = raises(body)
    body.view.release()
    return outcome


def reprs():
    shown = [repr(mmap.mmap(-1, 8)), repr(mmap.mmap(-1, 4096, access=mmap.ACCESS_WRITE)),
             repr(mmap.mmap(-1, 3, access=mmap.ACCESS_READ)), repr(mmap.mmap(-1, 3, access=mmap.ACCESS_COPY))]
    m = mmap.mmap(-1, 10)
    m.seek(4)
    shown.append(repr(m))
    m.close()
    shown.append(repr(m))
    shown.append(str(mmap.mmap(-1, 2)))
    return shown


def pickling(protocol):
    return lambda: raises(lambda: pickle.dumps(mmap.mmap(-1, 8), protocol))


def copying():
    m = mmap.mmap(-1, 8)
    return raises(lambda: copy.copy(m)), raises(lambda: copy.deepcopy(m)), raises(lambda: copy.deepcopy([m]))


def reduce_methods():
    m = mmap.mmap(-1, 8)
    return raises(lambda: m.__reduce__()), raises(lambda: m.__reduce_ex__(2)), raises(lambda: m.__reduce_ex__(0)), \
        raises(lambda: m.__getstate__()) if hasattr(object, "__getstate__") else "no object.__getstate__"


def other_object_protocols():
    m = mmap.mmap(-1, 4)
    other = mmap.mmap(-1, 4)
    return (m == m, m == other, m != other, raises(lambda: m < other), raises(lambda: hash(m) == hash(m)),
            bool(m), raises(lambda: m + b"x"), raises(lambda: m * 2), raises(lambda: int(m)),
            raises(lambda: [1, 2][m]), raises(lambda: format(m, "x")), raises(lambda: setattr(m, "x", 1)),
            raises(lambda: m.__dict__), raises(lambda: bool(mmap.mmap(-1, 1).close() or 0)))


step("with closes the map", with_statement)
step("__enter__ returns the map", enter_returns_self)
step("an exception inside with", exception_inside_with)
step("__exit__ arguments", exit_arguments)
step("with on a closed map", with_on_closed_map)
step("with and a live export", with_live_export)
step("repr", reprs)
for _protocol in range(pickle.HIGHEST_PROTOCOL + 1):
    step("pickle protocol %d" % _protocol, pickling(_protocol))
step("copy and deepcopy", copying)
step("__reduce__, __reduce_ex__ and __getstate__", reduce_methods)
step("comparison, hashing, truth and arithmetic", other_object_protocols)
