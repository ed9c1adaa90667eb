"""Exports on either side (a memoryview in Python, a pin in .NET) block close and resize on both sides."""
from sharekit import MapProbe, attempt, with_stdlib_map


def exported(action):
    def run(s):
        view = memoryview(s)
        try:
            return action(s)
        finally:
            view.release()
    return run


m = MapProbe.CreateAnonymous(16)
view = memoryview(m)
print("exports seen by dotnet", MapProbe.ExportCount(m))
attempt("dotnet close with a python memoryview", lambda: MapProbe.Close(m),
        like=with_stdlib_map(exported(lambda s: s.close())))
attempt("dotnet resize with a python memoryview", lambda: MapProbe.Resize(m, 32),
        like=with_stdlib_map(exported(lambda s: s.resize(32))))
view.release()
attempt("dotnet resize once released", lambda: MapProbe.Resize(m, 32))
print("python sees the new length", len(m))

pin = MapProbe.Pin(m)
attempt("python close with a dotnet pin", m.close, like=with_stdlib_map(exported(lambda s: s.close())))
attempt("python resize with a dotnet pin", lambda: m.resize(8), like=with_stdlib_map(exported(lambda s: s.resize(8))))
print("still open", not m.closed)
pin.Dispose()
attempt("python resize once unpinned", lambda: m.resize(8))
print("dotnet sees the new length", MapProbe.Length(m))
attempt("python close once unpinned", m.close)
print("dotnet sees closed", MapProbe.IsClosed(m))
