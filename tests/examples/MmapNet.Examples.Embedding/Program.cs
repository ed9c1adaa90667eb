using System;
using System.Text;
using MmapNet;
using MmapNet.Host;
using Python.Runtime;

// Embed CPython (args[0] may name a libpython or a python executable; else it is found), then share a map with Python.
LocatedPython python = new PythonLocator().Locate(args.Length > 0 ? args[0] : null);
using EmbeddedPython embedded = EmbeddedPython.Start(python);

using MemoryMap map = MemoryMap.CreateAnonymous(64);
map.WriteAt(0, "temperature=21;humidity=40"u8);

using (Py.GIL())
{
    using PyModule scope = Py.CreateScope();
    scope.Set("m", map); // Python gets an ordinary mmapnet.mmap over the same memory: no copy
    scope.Exec("""
        import re
        found = re.search(rb"temperature=(\d+)", m)
        m[found.start(1):found.end(1)] = b"%d" % (int(found[1]) + 1)
        """);
}

byte[] text = new byte[26];
map.ReadAt(0, text);
Console.WriteLine(Encoding.ASCII.GetString(text)); // temperature=22;humidity=40
