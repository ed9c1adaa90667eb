"""The map handed to the rest of the standard library through the buffer protocol: re, struct, hashlib,
bytes(), os.write and friends, reading and writing the mapped memory itself."""

import binascii
import hashlib
import io
import os
import re
import struct
import zlib

import transcript
from transcript import raises, step

mmap = transcript.install()

TEXT = b"alpha=1\nbeta=22\ngamma=333\n"


def text_map(**options):
    m = mmap.mmap(-1, len(TEXT), **options)
    m.write(TEXT)
    m.seek(0)
    return m


def regex_search():
    m = text_map()
    match = re.search(rb"beta=(\d+)", m)
    # The match keeps the map itself as its subject: re read the mapped memory, it did not copy it.
    return match.group(0), match.span(1), match.string is m, [g.group(1) for g in re.finditer(rb"(\w+)=", m)]


def regex_sees_writes():
    m = text_map()
    pattern = re.compile(rb"gamma=(\d+)")
    before = pattern.search(m).group(1)
    m[-4:-1] = b"999"
    return before, pattern.search(m).group(1), re.sub(rb"\d", b"#", m)


def regex_on_closed_map():
    m = text_map()
    m.close()
    return raises(lambda: re.search(b"a", m))


def struct_round_trip():
    m = mmap.mmap(-1, 32)
    struct.pack_into("<iQh", m, 4, -7, 2**40 + 5, 300)
    packed = m[4:18]
    values = struct.unpack_from("<iQh", m, 4)
    records = list(struct.iter_unpack("<H", m[:8]))
    return packed, values, records, raises(lambda: struct.pack_into("<Q", m, 30, 1))


def struct_on_read_only_map():
    m = mmap.mmap(-1, 8, access=mmap.ACCESS_READ)
    return struct.unpack_from("<Q", m), raises(lambda: struct.pack_into("<Q", m, 0, 1))


def hashes():
    m = text_map()
    return (hashlib.sha256(m).hexdigest(), hashlib.md5(m).hexdigest(), zlib.crc32(m), binascii.hexlify(m[:4]),
            hashlib.blake2b(memoryview(m)[6:]).hexdigest()[:16])


def byte_copies():
    m = text_map()
    return bytes(m), bytearray(m)[:5], b"".join([m, b"!"])[-3:], m[:] == TEXT, TEXT == bytes(m), len(m)


def os_write_and_readinto():
    m = text_map()
    read_end, write_end = os.pipe()
    try:
        written = os.write(write_end, m)
        received = os.read(read_end, 100)
        target = mmap.mmap(-1, 8)
        os.write(write_end, b"12345678")
        got = os.readv(read_end, [target])
        return written, received, got, target[:]
    finally:
        os.close(read_end)
        os.close(write_end)


def file_io_with_the_map():
    m = text_map()
    stream = io.BytesIO()
    stream.write(m)
    target = mmap.mmap(-1, 5)
    reader = io.BytesIO(b"HELLO WORLD")
    count = reader.readinto(target)
    return stream.getvalue()[:6], count, target[:]


def map_to_map():
    source = text_map()
    target = mmap.mmap(-1, len(TEXT))
    target.write(source)
    target[0:5] = memoryview(source)[8:13]
    return target[:], target.tell(), source.find(memoryview(b"gamma")), target.find(source[:3])


step("re.search and re.finditer over the map", regex_search)
step("a compiled pattern sees writes to the map", regex_sees_writes)
step("re over a closed map", regex_on_closed_map)
step("struct.pack_into and unpack_from", struct_round_trip)
step("struct on an ACCESS_READ map", struct_on_read_only_map)
step("hashlib, zlib and binascii read the map", hashes)
step("bytes(), bytearray() and join copy the map", byte_copies)
step("os.write from and os.readv into a map", os_write_and_readinto)
step("io writes from and reads into a map", file_io_with_the_map)
step("a map written into another map", map_to_map)
