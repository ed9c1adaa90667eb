"""Python calls .NET with its mmapnet map: the C# methods work on the very same memory."""
import sys

import mmapnet
import clr  # pythonnet, in the .NET runtime that `import mmapnet` started

clr.AddReference(sys.argv[1])  # the path of MmapNet.Examples.Library.dll
from MmapNet.Examples import Checksum

with mmapnet.mmap(-1, 4096) as m:
    m.write(b"hello from python")
    print("sum computed in C#:", Checksum.Sum(m))
    Checksum.Stamp(m, 100, "written by C#")
    print("read in Python:", m[100:113])
