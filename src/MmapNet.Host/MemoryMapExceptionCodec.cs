using System;
using Python.Runtime;

namespace MmapNet.Host;

/// <summary>
/// The pythonnet encoder that raises a <see cref="MemoryMapException"/> thrown by .NET code called from Python as the
/// exception CPython's mmap raises for the same failure: <c>BufferError: cannot close exported pointers exist</c>,
/// <c>ValueError: mmap closed or invalid</c>, <c>OSError(errno, strerror)</c> (whose subclass follows errno). Python code
/// then handles a failure the same whichever side the map was used from. pythonnet converts every exception it lets
/// into Python through the encoders for <see cref="Exception"/>; others are left to pythonnet's default.
/// </summary>
internal sealed class MemoryMapExceptionCodec : IPyObjectEncoder
{
    public static MemoryMapExceptionCodec Instance { get; } = new();

    private MemoryMapExceptionCodec()
    {
    }

    public bool CanEncode(Type type) => type == typeof(Exception) || type == typeof(MemoryMapException);

    public PyObject? TryEncode(object value)
    {
        if (value is not MemoryMapException failure)
        {
            return null;
        }

        // The builtins are named as the kinds are: ValueError, BufferError, OSError...
        using PyObject builtins = Py.Import("builtins");
        using PyObject type = builtins.GetAttr(failure.Kind.ToString());
        using var message = new PyString(failure.Message);
        if (failure.Kind == MmapErrorKind.OSError && failure.Errno != 0)
        {
            using var errno = new PyInt(failure.Errno);
            return type.Invoke(errno, message);
        }

        return type.Invoke(message);
    }
}
