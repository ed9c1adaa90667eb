using System;
using System.Runtime.InteropServices;

namespace MmapNet.Host;

/// <summary>
/// Native entry points for a stock python3 that booted CoreCLR through <c>import mmapnet</c> and then initialized pythonnet
/// (<c>python/mmapnet/_clr.py</c>, called by <c>import clr</c>): they make the same process's pythonnet convert between
/// <see cref="MemoryMap"/> and <c>mmapnet.mmap</c>.
/// </summary>
public static class ClrEntryPoints
{
    /// <summary>Registers the <see cref="MemoryMap"/> codecs (<see cref="PythonMaps.RegisterCodecs"/>).</summary>
    /// <returns>0, or -1 when registration failed (the reason is written to stderr).</returns>
    [UnmanagedCallersOnly]
    public static int RegisterCodecs()
    {
        try
        {
            PythonMaps.RegisterCodecs();
            return 0;
        }
        catch (Exception exception)
        {
            // No .NET exception may cross into native code.
            Console.Error.WriteLine($"mmapnet: the MemoryMap codecs could not be registered: {exception}");
            return -1;
        }
    }
}
