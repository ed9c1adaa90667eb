"""Closing on either side closes for both; the memory is unmapped at once, and only once."""
from sharekit import MapProbe, attempt, file_to_map, is_mapped, mmapnet, with_stdlib_map


def closed(m):
    m.close()
    return m


# .NET closes a map Python holds
path = file_to_map()
m = MapProbe.OpenFile(path)
print("mapped before", is_mapped(path))
attempt("dotnet closes", lambda: MapProbe.Close(m))
print("python sees closed", m.closed, repr(m))
print("unmapped at once", not is_mapped(path))
attempt("python m[0]", lambda: m[0], like=with_stdlib_map(lambda s: closed(s)[0]))
attempt("python read", lambda: m.read(1), like=with_stdlib_map(lambda s: closed(s).read(1)))
attempt("python close again", m.close, like=with_stdlib_map(lambda s: closed(s).close()))
attempt("dotnet close again", lambda: MapProbe.Close(m))
attempt("dotnet read after close", lambda: MapProbe.ReadAscii(m, 0, 1), like=with_stdlib_map(lambda s: closed(s).read(1)))

# Python closes a map .NET holds
path = file_to_map()
with open(path, "r+b") as file:
    p = mmapnet.mmap(file.fileno(), 0)
MapProbe.Keep(p)
print("mapped before", is_mapped(path))
attempt("python closes", p.close)
print("dotnet sees closed", MapProbe.IsClosed(MapProbe.Kept()))
print("unmapped at once", not is_mapped(path))
attempt("dotnet write after close", lambda: MapProbe.WriteAscii(MapProbe.Kept(), 0, "x"),
        like=with_stdlib_map(lambda s: closed(s).write(b"x")))
attempt("dotnet resize after close", lambda: MapProbe.Resize(MapProbe.Kept(), 10),
        like=with_stdlib_map(lambda s: closed(s).resize(10)))

# A map .NET closed before Python ever saw it
c = MapProbe.CreateClosed()
print("closed from the start", c.closed, repr(c))
