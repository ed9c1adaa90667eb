using System;
using System.Text;
using MmapNet.CPython.Native;
using static MmapNet.CPython.Native.PythonApi;

namespace MmapNet.CPython;

/// <summary>
/// Turns failures into the Python exception CPython's mmap raises: an <see cref="MmapStatus"/> into
/// its exception type and exact message (from <see cref="MmapErrors"/>, the one table of messages),
/// errno into OSError the way <c>PyErr_SetFromErrno</c> does, and any unexpected .NET exception into
/// a Python exception, because none may cross into native code.
/// </summary>
internal static unsafe class PythonErrors
{
    private const int Eintr = 4;

    // NUL-terminated UTF-8 messages, encoded on first use. Counted through the non-generic GetValuesAsUnderlyingType,
    // which is precompiled: GetValues<T> over this project's enums is compiled by the JIT, at the first error raised.
#pragma warning disable CA2263 // the generic overload: see above
    private static readonly byte[]?[] s_messages = new byte[Enum.GetValuesAsUnderlyingType(typeof(MmapError)).Length][];
    private static readonly byte[]?[] s_pythonOnlyMessages = new byte[Enum.GetValuesAsUnderlyingType(typeof(PythonOnlyError)).Length][];
#pragma warning restore CA2263

    /// <summary>Sets the exception for a failed status; returns NULL, the error value of object slots.</summary>
    public static nint Raise(MmapStatus status)
    {
        if (status.Error == MmapError.SystemCall)
        {
            return RaiseOSError(status.Errno);
        }

        byte[] message = s_messages[(int)status.Error] ??= Encode(MmapErrors.MessageOf(status.Error));
        return Raise(ExceptionType(MmapErrors.KindOf(status.Error)), message);
    }

    /// <summary>Sets the exception for a failure of Python's protocols; returns NULL.</summary>
    public static nint Raise(PythonOnlyError error)
    {
        byte[] message = s_pythonOnlyMessages[(int)error] ??= Encode(MmapErrors.MessageOf(error));
        return Raise(ExceptionType(MmapErrors.KindOf(error)), message);
    }

    /// <summary>Sets the exception for a failed status; returns -1, the error value of int slots.</summary>
    public static int RaiseInt(MmapStatus status)
    {
        Raise(status);
        return -1;
    }

    /// <summary>Sets the exception for a failure of Python's protocols; returns -1.</summary>
    public static int RaiseInt(PythonOnlyError error)
    {
        Raise(error);
        return -1;
    }

    /// <summary>OSError(errno, strerror(errno)), created through OSError so errno picks the subclass.</summary>
    public static nint RaiseOSError(int errno)
    {
        if (errno == Eintr && PyErr_CheckSignals() != 0)
        {
            return 0;
        }

        byte[] message = Encoding.UTF8.GetBytes(MmapErrors.MessageOf(MmapError.SystemCall, errno));
        nint arguments = PyTuple_New(2);
        if (arguments == 0)
        {
            return 0;
        }

        fixed (byte* text = message)
        {
            PyTuple_SetItem(arguments, 0, PyLong_FromSsize_t(errno));
            PyTuple_SetItem(arguments, 1, PyUnicode_FromStringAndSize(text, message.Length));
        }

        nint exception = PyObject_Call(PyExc_OSError, arguments, 0);
        Py_DecRef(arguments);
        if (exception != 0)
        {
            PyErr_SetObject(TypeOf(exception), exception);
            Py_DecRef(exception);
        }

        return 0;
    }

    /// <summary>
    /// For a .NET exception that escaped the code of a slot: MemoryError when memory ran out, else
    /// SystemError naming it. Returns NULL.
    /// </summary>
    public static nint RaiseUnexpected(Exception exception)
    {
        if (exception is OutOfMemoryException or InsufficientExecutionStackException)
        {
            return PyErr_NoMemory();
        }

        if (exception is MemoryMapException mapped)
        {
            return Raise(mapped.Error == MmapError.SystemCall ? MmapStatus.FromErrno(mapped.Errno) : mapped.Error);
        }

        byte[] message = Encode($"MmapNet internal error: {exception.GetType().FullName}: {exception.Message}");
        fixed (byte* text = message)
        {
            PyErr_SetString(PyExc_SystemError, text);
        }

        return 0;
    }

    public static int RaiseUnexpectedInt(Exception exception)
    {
        RaiseUnexpected(exception);
        return -1;
    }

    /// <summary>Sets <paramref name="type"/> with a fixed NUL-terminated message; returns NULL.</summary>
    public static nint Raise(nint type, ReadOnlySpan<byte> messageWithNul)
    {
        fixed (byte* text = messageWithNul)
        {
            PyErr_SetString(type, text);
        }

        return 0;
    }

    private static nint ExceptionType(MmapErrorKind kind) => kind switch
    {
        MmapErrorKind.ValueError => PyExc_ValueError,
        MmapErrorKind.TypeError => PyExc_TypeError,
        MmapErrorKind.IndexError => PyExc_IndexError,
        MmapErrorKind.OverflowError => PyExc_OverflowError,
        MmapErrorKind.BufferError => PyExc_BufferError,
        MmapErrorKind.OSError => PyExc_OSError,
        _ => PyExc_SystemError,
    };

    private static byte[] Encode(string text)
    {
        byte[] bytes = new byte[Encoding.UTF8.GetByteCount(text) + 1];
        Encoding.UTF8.GetBytes(text, bytes);
        return bytes;
    }
}
