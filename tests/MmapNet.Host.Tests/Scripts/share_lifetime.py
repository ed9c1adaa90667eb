"""Who owns a shared map: the side that created it. Python's garbage collector closes only maps Python created."""
import gc

from sharekit import MapProbe, mmapnet

p = mmapnet.mmap(-1, 8)
MapProbe.Keep(p)
del p
gc.collect()
print("made by python, dropped by python: closed", MapProbe.IsClosed(MapProbe.Kept()))

d = MapProbe.CreateAnonymous(8)
d[0] = 42
MapProbe.Keep(d)
del d
gc.collect()
kept = MapProbe.Kept()
print("made by dotnet, dropped by python: closed", MapProbe.IsClosed(kept))
again = MapProbe.Kept()
print("a new python object over the same memory, one per map", again[0], again is kept)
MapProbe.Close(again)
print("closed for both", again.closed, MapProbe.IsClosed(MapProbe.Kept()))
