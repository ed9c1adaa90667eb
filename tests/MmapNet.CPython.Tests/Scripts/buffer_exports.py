"""The buffer protocol and its export counting: memoryview reads and writes the map itself, and a live
export makes close() and resize() raise BufferError until it is released."""

import gc
import sys

import transcript
from transcript import raises, step

mmap = transcript.install()


def filled(size=16, **options):
    m = mmap.mmap(-1, size, **options)
    m.write(bytes(range(65, 65 + size)))
    m.seek(0)
    return m


def view_reads_and_writes():
    m = filled()
    view = memoryview(m)
    facts = [view.readonly, view.nbytes, view.format, view.itemsize, view.ndim, view.shape, view.strides,
             view.contiguous, view.c_contiguous, view.tobytes()]
    view[0] = ord("z")
    view[2:4] = b"xy"
    m[5] = ord("!")
    facts += [m[:6], bytes(view[:6]), view[5]]
    view.release()
    return facts


def export_blocks(operation):
    def action():
        m = filled()
        view = memoryview(m)
        blocked = raises(lambda: operation(m))
        still = (m.closed, len(m), view[0])
        view.release()
        after = raises(lambda: operation(m))
        return blocked, still, after, m.closed
    return action


def several_exports():
    m = filled()
    first, second = memoryview(m), memoryview(m)
    sliced = first[2:6]
    outcomes = [raises(m.close)]
    first.release()
    outcomes.append(raises(m.close))  # the slice holds the export of `first`
    sliced.release()
    outcomes.append(raises(m.close))
    second.release()
    outcomes.append(raises(m.close))
    outcomes.append(m.closed)
    return outcomes


def export_released_by_deletion():
    m = filled()
    view = memoryview(m)
    del view
    gc.collect()
    return raises(m.close), m.closed


def view_of_closed_map():
    m = filled()
    m.close()
    return raises(lambda: memoryview(m))


def read_only_map():
    m = mmap.mmap(-1, 8, access=mmap.ACCESS_READ)
    view = memoryview(m)
    outcome = [view.readonly, raises(lambda: view.__setitem__(0, 1)), view.tobytes()]
    view.release()
    return outcome


def copy_on_write_map():
    m = filled(8, access=mmap.ACCESS_COPY)
    view = memoryview(m)
    view[0] = ord("c")
    outcome = [view.readonly, m[:2]]
    view.release()
    return outcome


def cast_and_struct_views():
    m = filled(16)
    view = memoryview(m).cast("I")
    outcome = [view.format, view.shape, view[0]]
    view[1] = 0x01020304
    outcome.append(m[4:8])
    view.release()
    return outcome


def view_outlives_object():
    view = memoryview(filled())  # the only reference to the map is the export
    gc.collect()
    outcome = view[:4].tobytes()
    view.release()
    return outcome


def buffer_dunder():
    if sys.version_info < (3, 12):
        return "no __buffer__ before 3.12"
    m = filled()
    view = m.__buffer__(0)
    outcome = [raises(m.close), view.readonly, bytes(view[:3])]
    m.__release_buffer__(view)
    outcome.append(raises(m.close))
    return outcome


step("memoryview reads and writes the map", view_reads_and_writes)
step("close() with a live export", export_blocks(lambda m: m.close()))
step("resize() with a live export", export_blocks(lambda m: m.resize(32)))
step("several exports and a sliced view", several_exports)
step("deleting the view releases the export", export_released_by_deletion)
step("memoryview of a closed map", view_of_closed_map)
step("memoryview of an ACCESS_READ map", read_only_map)
step("memoryview of an ACCESS_COPY map", copy_on_write_map)
step("memoryview.cast over the map", cast_and_struct_views)
step("a view outlives the map object", view_outlives_object)
step("__buffer__ and __release_buffer__", buffer_dunder)
