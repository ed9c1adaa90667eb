namespace MmapNet.CPython;

/// <summary>
/// The Python object of each map that Python code can see: one object per map, so a map handed back and
/// forth between Python and .NET comes back to Python as the very same object (<c>m is m2</c>), and the
/// leases Python holds on a map are exactly that object's one lease. The object is kept on the map itself
/// (<see cref="MemoryMap.SharedObject"/>): no table to search or grow for each map made. Every access happens under
/// the GIL (objects are created and deallocated with it held, and <see cref="PythonMapSharing"/> takes it), which is
/// the only synchronisation it needs.
/// </summary>
internal static class MmapObjectRegistry
{
    public static void Register(MemoryMap map, nint self) => map.SharedObject = self;

    /// <summary>Forgets <paramref name="self"/> if it is the registered object of <paramref name="map"/>.</summary>
    public static void Unregister(MemoryMap map, nint self)
    {
        if (map.SharedObject == self)
        {
            map.SharedObject = 0;
        }
    }

    /// <summary>The live Python object of <paramref name="map"/> (a borrowed reference), if it has one.</summary>
    public static bool TryGet(MemoryMap map, out nint self)
    {
        self = map.SharedObject;
        return self != 0;
    }
}
