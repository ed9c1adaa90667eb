"""ctypes over the map: from_buffer shares the mapped memory (and holds an export), from_buffer_copy copies;
a read-only map refuses from_buffer the way the stdlib's does."""

import ctypes
import gc

import transcript
from transcript import raises, step

mmap = transcript.install()


class Header(ctypes.Structure):
    _fields_ = [("magic", ctypes.c_uint32), ("count", ctypes.c_uint16), ("flags", ctypes.c_uint16)]


def filled(size=16, **options):
    m = mmap.mmap(-1, size, **options)
    if options.get("access") != mmap.ACCESS_READ:
        m.write(bytes(range(65, 65 + size)))
        m.seek(0)
    return m


def char_from_buffer():
    m = filled()
    first = ctypes.c_char.from_buffer(m)
    at_three = ctypes.c_char.from_buffer(m, 3)
    first.value = b"z"
    m[3] = ord("!")
    return first.value, at_three.value, m[:4]


def array_from_buffer():
    m = filled()
    array = (ctypes.c_uint8 * 8).from_buffer(m, 4)
    array[0] = 0
    array[7] = 255
    return list(array), m[4:12], ctypes.sizeof(array)


def structure_from_buffer():
    m = mmap.mmap(-1, 8)
    header = Header.from_buffer(m)
    header.magic = 0xCAFEBABE
    header.count = 3
    m[6:8] = b"\x01\x00"
    return m[:8], header.flags, header.count


def export_held_by_ctypes():
    m = filled()
    array = (ctypes.c_char * 4).from_buffer(m)
    blocked = raises(m.close)
    del array
    gc.collect()
    return blocked, raises(m.close), m.closed


def from_buffer_out_of_range():
    m = filled()
    return raises(lambda: (ctypes.c_char * 17).from_buffer(m)), raises(lambda: ctypes.c_char.from_buffer(m, 16)), \
        raises(lambda: ctypes.c_char.from_buffer(m, -1))


def read_only_from_buffer():
    m = filled(access=mmap.ACCESS_READ)
    return raises(lambda: ctypes.c_char.from_buffer(m)), raises(lambda: (ctypes.c_uint8 * 4).from_buffer(m))


def read_only_from_buffer_copy():
    m = filled(access=mmap.ACCESS_READ)
    copy = (ctypes.c_uint8 * 4).from_buffer_copy(m)
    return list(copy), raises(m.close), m.closed


def copy_is_a_copy():
    m = filled()
    copy = (ctypes.c_char * 4).from_buffer_copy(m)
    m[0] = ord("q")
    return copy.raw, m[:4]


def closed_map():
    m = filled()
    m.close()
    return raises(lambda: ctypes.c_char.from_buffer(m)), raises(lambda: ctypes.c_char.from_buffer_copy(m))


def addresses_agree():
    m = filled()
    base = ctypes.addressof(ctypes.c_char.from_buffer(m))
    later = ctypes.addressof(ctypes.c_char.from_buffer(m, 5))
    view_address = ctypes.addressof(ctypes.c_char.from_buffer(memoryview(m)))
    return later - base, view_address == base, ctypes.string_at(base, 4)


step("c_char.from_buffer shares the map", char_from_buffer)
step("an array from_buffer at an offset", array_from_buffer)
step("a Structure from_buffer", structure_from_buffer)
step("from_buffer holds an export until collected", export_held_by_ctypes)
step("from_buffer past the end", from_buffer_out_of_range)
step("from_buffer of an ACCESS_READ map", read_only_from_buffer)
step("from_buffer_copy of an ACCESS_READ map", read_only_from_buffer_copy)
step("from_buffer_copy copies", copy_is_a_copy)
step("ctypes and a closed map", closed_map)
step("addresses of views into the map agree", addresses_agree)
