using MmapNet.CPython.Native;
using static MmapNet.CPython.Native.PythonApi;

namespace MmapNet.CPython;

/// <summary>
/// Crossing between a <see cref="MemoryMap"/> and its Python <c>mmap</c> object, for .NET code that hands
/// maps to Python and takes them back (MmapNet.Host's pythonnet codecs). The caller holds the GIL.
/// </summary>
internal static unsafe class PythonMapBridge
{
    /// <summary>
    /// The Python object of <paramref name="map"/>: the one Python already has (so identity holds across
    /// round trips), else a new <c>mmap</c> object over it that does not own it (deallocating the object
    /// leaves the map open for .NET). A new reference, or NULL with a Python exception set (ValueError for a
    /// closed map).
    /// </summary>
    public static nint GetOrCreateObject(MemoryMap map)
    {
        if (MmapObjectRegistry.TryGet(map, out nint existing))
        {
            Py_IncRef(existing);
            return existing;
        }

        nint type = MmapType.TypeObject;
        if (type == 0)
        {
            // No 'import mmapnet' in this interpreter yet: create the type the module would hold.
            if (!MmapModule.TryPrepare(out InterpreterProfile? profile))
            {
                return 0;
            }

            type = MmapType.GetOrCreate(profile);
            if (type == 0)
            {
                return 0;
            }
        }

        return MmapType.Wrap(type, map, owns: false);
    }

    /// <summary>Whether <paramref name="type"/> is our <c>mmap</c> type or a subclass of it.</summary>
    public static bool IsMmapType(nint type) =>
        MmapType.TypeObject != 0 && type != 0 && PyType_IsSubtype(type, MmapType.TypeObject) != 0;

    /// <summary>The map behind <paramref name="candidate"/> when it is an <c>mmap</c> object of ours (or of a subclass).</summary>
    public static bool TryGetMap(nint candidate, out MemoryMap? map)
    {
        map = null;
        if (candidate == 0 || !IsMmapType(TypeOf(candidate)) || ((MmapObject*)candidate)->Map == 0)
        {
            return false;
        }

        map = MmapObject.MapOf(candidate);
        return true;
    }
}
