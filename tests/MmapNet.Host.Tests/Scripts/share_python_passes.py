"""Python passes its mmapnet.mmap to .NET methods that take a MemoryMap, and gets one back."""
from sharekit import MapProbe, attempt, mmapnet

m = mmapnet.mmap(-1, 32)
m.write(b"abc")
print("dotnet reads", MapProbe.ReadAscii(m, 0, 3))
MapProbe.WriteAscii(m, 3, "def")
print("python reads", m[:6])
print("returned is the same object", MapProbe.Echo(m) is m)
print("dotnet length", MapProbe.Length(m))
m.resize(64)
print("dotnet sees python's resize", MapProbe.Length(m))
attempt("dotnet resizes", lambda: MapProbe.Resize(m, 8))
print("python sees dotnet's resize", len(m), m[:6])


class Subclass(mmapnet.mmap):
    pass


s = Subclass(-1, 8)
print("a subclass instance goes too", MapProbe.Length(s), MapProbe.Echo(s) is s)
attempt("a non-map is refused", lambda: MapProbe.Length(b"not a map"))
