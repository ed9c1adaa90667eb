using System;
using Python.Runtime;

namespace MmapNet.Host;

/// <summary>
/// The pythonnet encoder that raises a failure of a <see cref="MemoryMap"/> thrown by .NET code called from Python as the
/// exception CPython's mmap raises for the same failure: <c>BufferError: cannot close exported pointers exist</c>,
/// <c>ValueError: mmap closed or invalid</c>, <c>OSError(errno, strerror)</c> (whose subclass follows errno). The .NET
/// exception may be a <see cref="MemoryMapException"/> or one of .NET's conventional ones (a closed map's
/// <see cref="ObjectDisposedException"/>, a bad argument's <see cref="ArgumentOutOfRangeException"/>...):
/// <see cref="MmapErrors.TryGetError"/> says which failure it stands for. Python code then handles a failure the same
/// whichever side the map was used from. pythonnet converts every exception it lets into Python through the encoders
/// for <see cref="Exception"/>; others (not a map's failure) are left to pythonnet's default.
/// </summary>
internal sealed class MemoryMapExceptionCodec : IPyObjectEncoder
{
    public static MemoryMapExceptionCodec Instance { get; } = new();

    private MemoryMapExceptionCodec()
    {
    }

    public bool CanEncode(Type type) => typeof(Exception).IsAssignableFrom(type);

    public PyObject? TryEncode(object value)
    {
        if (value is not Exception exception || !MmapErrors.TryGetError(exception, out MmapError error))
        {
            return null;
        }

        // The builtins are named as the kinds are: ValueError, BufferError, OSError...
        int errno = (exception as MemoryMapException)?.Errno ?? 0;
        MmapErrorKind kind = MmapErrors.KindOf(error);
        using PyObject builtins = Py.Import("builtins");
        using PyObject type = builtins.GetAttr(kind.ToString());
        using PyString message = new(MmapErrors.MessageOf(error, errno));
        if (kind == MmapErrorKind.OSError && errno != 0)
        {
            using PyInt number = new(errno);
            return type.Invoke(number, message);
        }

        return type.Invoke(message);
    }
}
