"""C# creates a map and gives it to Python: an ordinary mmapnet.mmap over the same memory."""
from sharekit import MapProbe, attempt, mmapnet

m = MapProbe.CreateAnonymous(16)
print("type is mmapnet.mmap", type(m) is mmapnet.mmap, isinstance(m, mmapnet.mmap))
print("length", len(m))
m[0:5] = b"hello"
print("dotnet reads python's write", MapProbe.ReadAscii(m, 0, 5))
MapProbe.WriteAscii(m, 5, "world")
print("python reads dotnet's write", m[0:10])
print("dotnet counts through a pinned span", MapProbe.CountByte(m, ord("l")))
print("back to python is the same object", MapProbe.Echo(m) is m)
import re
print("re finds in it", re.search(rb"wor", m).start())
with memoryview(m) as view:
    view[10] = ord("!")
print("dotnet reads a memoryview write", MapProbe.ReadAscii(m, 10, 1))
attempt("python closes", m.close)
print("dotnet sees it closed", MapProbe.IsClosed(m))
