"""Weak references to maps: ref, callbacks on deletion, proxies, WeakValueDictionary, WeakSet."""

import gc
import weakref

import transcript
from transcript import raises, step

mmap = transcript.install()


def ref_and_callback():
    events = []
    m = mmap.mmap(-1, 8)
    ref = weakref.ref(m, lambda dead: events.append(("callback", dead is ref, dead())))
    alive = ref() is m, weakref.getweakrefcount(m)
    del m
    return alive, events, ref()


def callback_after_close():
    events = []
    m = mmap.mmap(-1, 8)
    ref = weakref.ref(m, lambda dead: events.append("called"))
    m.close()
    closed_alive = ref() is not None and ref().closed
    del m
    gc.collect()
    return closed_alive, events, ref()


def callback_waits_for_last_export():
    events = []
    m = mmap.mmap(-1, 8)
    ref = weakref.ref(m, lambda dead: events.append("called"))
    view = memoryview(m)
    del m
    during = list(events), ref() is not None
    view.release()
    return during, events, ref()


def proxy():
    m = mmap.mmap(-1, 8)
    m.write(b"abc")
    p = weakref.proxy(m)
    facts = [len(p), p[:3], p.tell(), p.find(b"b", 0)]
    del m
    facts.append(raises(lambda: len(p)))
    return facts


def containers():
    m1, m2 = mmap.mmap(-1, 4), mmap.mmap(-1, 5)
    values = weakref.WeakValueDictionary(one=m1, two=m2)
    members = weakref.WeakSet([m1, m2])
    before = sorted(values), len(members)
    del m1
    return before, sorted(values), len(members), [len(v) for v in values.values()]


def finalizer():
    events = []
    m = mmap.mmap(-1, 4)
    weakref.finalize(m, events.append, "finalized")
    del m
    return events


def subclass_weakref():
    class Sub(mmap.mmap):
        pass
    events = []
    m = Sub(-1, 4)
    ref = weakref.ref(m, lambda dead: events.append("called"))
    del m
    gc.collect()
    return events, ref(), Sub.__weakrefoffset__ == mmap.mmap.__weakrefoffset__


def in_reference_cycle():
    events = []

    class Holder:
        pass

    holder = Holder()
    holder.map = mmap.mmap(-1, 4)
    holder.self = holder
    ref = weakref.ref(holder.map, lambda dead: events.append("map collected"))
    del holder
    before = list(events), ref() is not None
    gc.collect()
    return before, events, ref()


step("weakref.ref and its callback on deletion", ref_and_callback)
step("a closed map stays referenced until deleted", callback_after_close)
step("a live export keeps the map alive", callback_waits_for_last_export)
step("weakref.proxy", proxy)
step("WeakValueDictionary and WeakSet", containers)
step("weakref.finalize", finalizer)
step("weak references to a subclass instance", subclass_weakref)
step("a map in a reference cycle is collected", in_reference_cycle)
