using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

using MmapNet.CPython.Abi;

namespace MmapNet.CPython.Native;

/// <summary>
/// The C-API calls with a GC transition that hot slots make only on their rarer paths (a slice of
/// objects, a big copy, a buffer argument), each kept out of line. (An index that is not an exact int
/// goes through <see cref="ArgumentParser.TryIndex"/>, out of line too.)
/// </summary>
/// <remarks>
/// On Unix, a method that makes a P/Invoke call with a GC transition itself gets a P/Invoke frame set
/// up in its prolog, on every call, whichever path it then takes: a runtime call with a thread-local
/// lookup, about 30 instructions under callgrind, a tenth of <c>m[i]</c>. Calling through these, only
/// the path that needs the call pays for the frame. The common paths use the <c>Fast*</c> entries of
/// <see cref="PythonApi"/>, which need none.
/// </remarks>
[SuppressMessage("Naming", "CA1707", Justification = "The members are named exactly as the C API functions they call.")]
[SuppressMessage("Style", "IDE1006", Justification = "The members are named exactly as the C API functions they call.")]
internal static unsafe class OutOfLineApi
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static int PySlice_Unpack(nint slice, nint* start, nint* stop, nint* step) => PythonApi.PySlice_Unpack(slice, start, stop, step);

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static nint PyBytes_FromStringAndSize(byte* data, nint length) => PythonApi.PyBytes_FromStringAndSize(data, length);

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static byte* PyBytes_AsString(nint bytes) => PythonApi.PyBytes_AsString(bytes);

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Py_DecRef(nint o) => PythonApi.Py_DecRef(o);

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static int PyObject_GetBuffer(nint o, PyBuffer* view, int flags) => PythonApi.PyObject_GetBuffer(o, view, flags);

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void PyBuffer_Release(PyBuffer* view) => PythonApi.PyBuffer_Release(view);

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static int PyBuffer_FillInfo(PyBuffer* view, nint exporter, void* buffer, nint length, int readOnly, int flags) =>
        PythonApi.PyBuffer_FillInfo(view, exporter, buffer, length, readOnly, flags);
}
