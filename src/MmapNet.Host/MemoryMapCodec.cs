using System;
using MmapNet.CPython;
using Python.Runtime;

namespace MmapNet.Host;

/// <summary>
/// The pythonnet codec between <see cref="MemoryMap"/> and Python's <c>mmapnet.mmap</c>: decoding gives the map behind the
/// object, encoding gives the map's Python object (<see cref="PythonMaps.ToPython"/>). pythonnet calls it with the GIL held.
/// </summary>
internal sealed class MemoryMapCodec : IPyObjectDecoder, IPyObjectEncoder
{
    public static MemoryMapCodec Instance { get; } = new();

    private MemoryMapCodec()
    {
    }

    // Only parameters of type MemoryMap: an mmapnet.mmap passed as `object` stays a Python object, as pythonnet does for
    // every Python type it has no codec for.
    public bool CanDecode(PyType objectType, Type targetType) =>
        targetType == typeof(MemoryMap) && PythonObjects.IsMmapType(objectType);

    public bool TryDecode<T>(PyObject pyObj, out T? value)
    {
        if (typeof(T) == typeof(MemoryMap) && PythonMapBridge.TryGetMap(PythonObjects.AddressOf(pyObj), out MemoryMap? map))
        {
            // pythonnet hands over its reference to the object and keeps it until .NET's GC finalizes it, which would
            // keep a map made by Python open for an unknown time after Python dropped it. The map needs no Python
            // reference (the .NET side holds the MemoryMap itself): let the reference go now.
            pyObj.Dispose();
            value = (T)(object)map!;
            return true;
        }

        value = default;
        return false;
    }

    public bool CanEncode(Type type) => type == typeof(MemoryMap);

    public PyObject? TryEncode(object value) => value is MemoryMap map ? PythonMaps.ToPython(map) : null;
}
