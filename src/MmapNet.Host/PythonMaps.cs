using System;
using System.Diagnostics.CodeAnalysis;
using MmapNet.CPython;
using Python.Runtime;

namespace MmapNet.Host;

/// <summary>
/// Hands <see cref="MemoryMap"/>s to Python and takes them back, zero-copy: a map and its Python <c>mmapnet.mmap</c>
/// object are views of the same memory, with one lifetime.
/// </summary>
/// <remarks>
/// <para>Every method needs the GIL (<c>using (Py.GIL())</c>): Python objects are touched.</para>
/// <para>Lifetime. Closing on either side closes the map for both: Python's <c>m.close()</c> makes .NET operations fail
/// with "mmap closed or invalid", and <see cref="MemoryMap.Close"/> makes <c>m.closed</c> true and Python operations raise
/// ValueError. Exports on either side (a Python <c>memoryview</c>, a .NET <see cref="MemoryMap.Pin"/> or pinned memory)
/// make <c>close()</c> and <c>resize()</c> fail with BufferError on both sides. .NET-side close and resize of a map that
/// Python holds are performed under the GIL, as Python's own would be; the memory is unmapped exactly once, when neither
/// side can reach it any more.</para>
/// <para>Ownership. The side that created the map owns it: a map created by Python code (<c>mmapnet.mmap(...)</c>) is
/// closed when its Python object is garbage collected, as CPython's mmap is, even if .NET code still refers to it; a map
/// created by .NET code is only closed by a close on either side, never by Python's garbage collector.</para>
/// </remarks>
public static class PythonMaps
{
    private static bool s_codecsRegistered;

    /// <summary>
    /// The Python object of <paramref name="map"/>: the one Python code already has, so a map that goes to .NET and back is
    /// the same object (<c>m is m2</c>), else a new <c>mmapnet.mmap</c> over it. A closed map gives a closed object.
    /// </summary>
    /// <param name="map">The map.</param>
    /// <returns>A new reference to the object.</returns>
    /// <exception cref="PythonException">The object could not be created.</exception>
    public static PyObject ToPython(MemoryMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return PythonObjects.TakeNewReference(PythonMapBridge.GetOrCreateObject(map));
    }

    /// <summary>The map behind a Python <c>mmapnet.mmap</c> object (or an object of a subclass).</summary>
    /// <param name="value">A Python object.</param>
    /// <returns>The map the object reads and writes.</returns>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not an <c>mmapnet.mmap</c> object.</exception>
    public static MemoryMap ToMemoryMap(PyObject value) =>
        TryGetMemoryMap(value, out MemoryMap? map)
            ? map
            : throw new ArgumentException($"Expected an mmapnet.mmap object, got a Python {value.GetPythonType().Name}.", nameof(value));

    /// <summary>The map behind <paramref name="value"/>, when it is an <c>mmapnet.mmap</c> object (or an object of a subclass).</summary>
    /// <param name="value">A Python object.</param>
    /// <param name="map">The map, or <see langword="null"/>.</param>
    /// <returns>Whether <paramref name="value"/> is such an object.</returns>
    public static bool TryGetMemoryMap(PyObject value, [NotNullWhen(true)] out MemoryMap? map)
    {
        ArgumentNullException.ThrowIfNull(value);
        return PythonMapBridge.TryGetMap(PythonObjects.AddressOf(value), out map);
    }

    /// <summary>
    /// Registers the pythonnet codecs that convert between <see cref="MemoryMap"/> and <c>mmapnet.mmap</c>: Python code
    /// passes an <c>mmapnet.mmap</c> to a .NET parameter of type <see cref="MemoryMap"/>, and a .NET method returning a
    /// <see cref="MemoryMap"/> gives Python its <c>mmapnet.mmap</c> (see <see cref="ToPython"/>); and a
    /// <see cref="MemoryMapException"/> that .NET code lets out into Python is raised as the exception CPython's mmap raises
    /// for that failure (BufferError, ValueError, OSError with its errno...). Idempotent; needed again
    /// after pythonnet shuts down. <see cref="EmbeddedPython"/> and <c>import clr</c> after <c>import mmapnet</c> call it.
    /// </summary>
    public static void RegisterCodecs()
    {
        lock (typeof(PythonMaps))
        {
            if (s_codecsRegistered)
            {
                return;
            }

            PyObjectConversions.RegisterDecoder(MemoryMapCodec.Instance);
            PyObjectConversions.RegisterEncoder(MemoryMapCodec.Instance);
            PyObjectConversions.RegisterEncoder(MemoryMapExceptionCodec.Instance);
            PythonEngine.AddShutdownHandler(ForgetCodecs);
            s_codecsRegistered = true;
        }
    }

    // pythonnet's shutdown drops every codec.
    private static void ForgetCodecs()
    {
        lock (typeof(PythonMaps))
        {
            s_codecsRegistered = false;
        }
    }
}
