"""Python and .NET threads using one map at once: close and resize from either side while the other is reading."""
import time

from sharekit import MapProbe, file_to_map, mmapnet

# .NET closes while Python reads in a loop: the loop ends with CPython's ValueError, nothing crashes.
m = MapProbe.CreateAnonymous(4096)
closer = MapProbe.CloseAfter(m, 200)
try:
    while True:
        m[0]
        m[100:200]
except ValueError as error:
    print("python loop stopped by the .NET close:", type(error).__name__ + ":", error)
print("closer", MapProbe.Wait(closer))

# .NET resizes while Python reads in a loop: Python sees the new length at once. (A file map: growing a shared
# anonymous map leaves its new pages without backing, and touching them is SIGBUS, in CPython as here.)
m = MapProbe.OpenFile(file_to_map(4096))
resizer = MapProbe.ResizeAfter(m, 200, 8192)
while len(m) == 4096:
    m[4095]
print("python sees the .NET resize:", len(m), m[8191])
print("resizer", MapProbe.Wait(resizer))

# Python closes while .NET reads in a loop: the .NET loop ends with the same failure.
p = mmapnet.mmap(-1, 4096)
reader = MapProbe.ReadUntilFailure(p)
time.sleep(0.2)
p.close()
print(".NET loop stopped by the python close:", MapProbe.Wait(reader))
