using System;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;

namespace MmapNet;

/// <summary>
/// The one table of CPython's mmap failures. Each row gives, for one <see cref="MmapError"/>, the Python
/// exception type and the exact text every supported CPython raises (Modules/mmapmodule.c, Linux), and the .NET
/// exception the .NET API throws for it; the failures only Python code can meet (internal, for the CPython
/// face) have their rows here too.
/// </summary>
/// <remarks>
/// The .NET API follows .NET's conventions: <see cref="ArgumentOutOfRangeException"/> or
/// <see cref="ArgumentException"/> for a bad argument (with CPython's text as the message),
/// <see cref="ObjectDisposedException"/> for a closed map, <see cref="NotSupportedException"/> for what the
/// map's access mode rules out (writing a read-only map, resizing one that cannot be resized), and
/// <see cref="MemoryMapException"/> for a failed system call and for what the map's state refuses (exports
/// alive, the position at the end). Whatever its type, an exception that stands for one of these failures
/// says which: <see cref="TryGetError"/>.
/// </remarks>
public static class MmapErrors
{
    // Where an exception that is not a MemoryMapException keeps the failure it stands for.
    private const string ErrorKey = "MmapNet.MmapError";

    /// <summary>How the .NET API reports a failure.</summary>
    internal enum Reported
    {
        MemoryMapException,
        ObjectDisposed,
        NotSupported,
        ArgumentOutOfRange,
        Argument,
    }

    /// <summary>The Python exception type CPython raises for <paramref name="error"/>.</summary>
    public static MmapErrorKind KindOf(MmapError error) => Describe(error).Kind;

    /// <summary>
    /// The exact message CPython raises for <paramref name="error"/>; for <see cref="MmapError.SystemCall"/>,
    /// the text of <paramref name="errno"/> as <c>strerror</c> gives it.
    /// </summary>
    public static string MessageOf(MmapError error, int errno = 0) =>
        error == MmapError.SystemCall ? Marshal.GetPInvokeErrorMessage(errno) : Describe(error).Message;

    /// <summary>
    /// Which failure <paramref name="exception"/>, thrown by a <see cref="MemoryMap"/> or one of its views,
    /// stands for: the <see cref="MemoryMapException.Error"/> of a <see cref="MemoryMapException"/>, or the
    /// failure behind an argument, disposed or not-supported exception. False for any other exception.
    /// </summary>
    public static bool TryGetError([NotNullWhen(true)] Exception? exception, out MmapError error)
    {
        switch (exception)
        {
            case MemoryMapException failure:
                error = failure.Error;
                return true;
            case not null when exception.Data[ErrorKey] is MmapError tagged:
                error = tagged;
                return true;
            default:
                error = MmapError.None;
                return false;
        }
    }

    /// <summary>
    /// The exception the .NET API throws for <paramref name="error"/>: the row's type, CPython's text, the
    /// argument named <paramref name="paramName"/> (or the row's), and the failure itself for
    /// <see cref="TryGetError"/>.
    /// </summary>
    internal static Exception ToException(MmapError error, int errno = 0, string? paramName = null)
    {
        Row row = Describe(error);
        paramName ??= row.Parameter;
        return row.Reported switch
        {
            Reported.ObjectDisposed => Tag(new ObjectDisposedException(typeof(MemoryMap).FullName, row.Message), error),
            Reported.NotSupported => Tag(new NotSupportedException(row.Message), error),
            Reported.ArgumentOutOfRange => Tag(new ArgumentOutOfRangeException(paramName, row.Message), error),
            Reported.Argument => Tag(new ArgumentException(row.Message, paramName), error),
            _ => new MemoryMapException(error, errno),
        };
    }

    /// <summary>Records on <paramref name="exception"/> the failure it stands for (see <see cref="TryGetError"/>).</summary>
    internal static T Tag<T>(T exception, MmapError error)
        where T : Exception
    {
        exception.Data[ErrorKey] = error;
        return exception;
    }

    private static Row Describe(MmapError error) => error switch
    {
        MmapError.SystemCall => new(MmapErrorKind.OSError, Reported.MemoryMapException, null, ""),
        MmapError.ClosedOrInvalid => new(MmapErrorKind.ValueError, Reported.ObjectDisposed, null, "mmap closed or invalid"),
        MmapError.LengthNegative => new(MmapErrorKind.OverflowError, Reported.ArgumentOutOfRange, "length", "memory mapped length must be positive"),
        MmapError.OffsetNegative => new(MmapErrorKind.OverflowError, Reported.ArgumentOutOfRange, "offset", "memory mapped offset must be positive"),
        MmapError.AccessWithFlagsOrProtection => new(MmapErrorKind.ValueError, Reported.Argument, "access", "mmap can't specify both access and flags, prot."),
        MmapError.InvalidAccess => new(MmapErrorKind.ValueError, Reported.ArgumentOutOfRange, "access", "mmap invalid access parameter."),
        MmapError.EmptyFile => new(MmapErrorKind.ValueError, Reported.Argument, "length", "cannot mmap an empty file"),
        MmapError.OffsetBeyondFileSize => new(MmapErrorKind.ValueError, Reported.ArgumentOutOfRange, "offset", "mmap offset is greater than file size"),
        MmapError.LengthBeyondFileSize => new(MmapErrorKind.ValueError, Reported.ArgumentOutOfRange, "length", "mmap length is greater than file size"),
        MmapError.ReadByteOutOfRange => new(MmapErrorKind.ValueError, Reported.MemoryMapException, null, "read byte out of range"),
        MmapError.WriteByteOutOfRange => new(MmapErrorKind.ValueError, Reported.MemoryMapException, null, "write byte out of range"),
        MmapError.DataOutOfRange => new(MmapErrorKind.ValueError, Reported.MemoryMapException, null, "data out of range"),
        MmapError.ReadOnly => new(MmapErrorKind.TypeError, Reported.NotSupported, null, "mmap can't modify a readonly memory map."),
        MmapError.NotResizable => new(MmapErrorKind.TypeError, Reported.NotSupported, null, "mmap can't resize a readonly or copy-on-write memory map."),
        MmapError.ResizeWithExports => new(MmapErrorKind.BufferError, Reported.MemoryMapException, null, "mmap can't resize with extant buffers exported."),
        MmapError.ResizeWithoutTrackedDescriptor => new(MmapErrorKind.ValueError, Reported.NotSupported, null, "mmap can't resize with trackfd=False."),
        MmapError.NewSizeOutOfRange => new(MmapErrorKind.ValueError, Reported.ArgumentOutOfRange, "newLength", "new size out of range"),
        MmapError.CloseWithExports => new(MmapErrorKind.BufferError, Reported.MemoryMapException, null, "cannot close exported pointers exist"),
        MmapError.FlushOutOfRange => new(MmapErrorKind.ValueError, Reported.ArgumentOutOfRange, "size", "flush values out of range"),
        MmapError.SeekOutOfRange => new(MmapErrorKind.ValueError, Reported.ArgumentOutOfRange, "offset", "seek out of range"),
        MmapError.UnknownSeekType => new(MmapErrorKind.ValueError, Reported.ArgumentOutOfRange, "origin", "unknown seek type"),
        MmapError.MoveOutOfRange => new(MmapErrorKind.ValueError, Reported.ArgumentOutOfRange, "count", "source, destination, or count out of range"),
        MmapError.AdviseStartOutOfBounds => new(MmapErrorKind.ValueError, Reported.ArgumentOutOfRange, "start", "madvise start out of bounds"),
        MmapError.AdviseLengthInvalid => new(MmapErrorKind.ValueError, Reported.ArgumentOutOfRange, "length", "madvise length invalid"),
        MmapError.AdviseLengthTooLarge => new(MmapErrorKind.OverflowError, Reported.ArgumentOutOfRange, "length", "madvise length too large"),
        MmapError.IndexOutOfRange => new(MmapErrorKind.IndexError, Reported.ArgumentOutOfRange, "index", "mmap index out of range"),
        MmapError.SliceAssignmentWrongSize => new(MmapErrorKind.IndexError, Reported.Argument, "value", "mmap slice assignment is wrong size"),
        MmapError.SliceStepZero => new(MmapErrorKind.ValueError, Reported.ArgumentOutOfRange, "step", "slice step cannot be zero"),
        _ => new(MmapErrorKind.SystemError, Reported.MemoryMapException, null, "unknown mmap error"),
    };

    /// <summary>The Python exception type CPython raises for <paramref name="error"/>.</summary>
    internal static MmapErrorKind KindOf(PythonOnlyError error) => Describe(error).Kind;

    /// <summary>The exact message CPython raises for <paramref name="error"/>.</summary>
    internal static string MessageOf(PythonOnlyError error) => Describe(error).Message;

    // A struct of this assembly's, not a ValueTuple: ReadyToRun leaves the framework's generics over this assembly's
    // types to the JIT, which compiled ValueTuple's constructor at the first of these errors in a process.
    private static PythonOnlyRow Describe(PythonOnlyError error) => error switch
    {
        PythonOnlyError.IndicesMustBeIntegers => new(MmapErrorKind.TypeError, "mmap indices must be integers"),
        PythonOnlyError.AssignmentIndicesMustBeInteger => new(MmapErrorKind.TypeError, "mmap indices must be integer"),
        PythonOnlyError.ItemValueMustBeInt => new(MmapErrorKind.TypeError, "mmap item value must be an int"),
        PythonOnlyError.ItemValueOutOfRange => new(MmapErrorKind.ValueError, "mmap item value must be in range(0, 256)"),
        PythonOnlyError.ItemAssignmentMustBeOneByte => new(MmapErrorKind.IndexError, "mmap assignment must be length-1 bytes()"),
        PythonOnlyError.ItemDeletion => new(MmapErrorKind.TypeError, "mmap doesn't support item deletion"),
        PythonOnlyError.SequenceItemDeletion => new(MmapErrorKind.TypeError, "mmap object doesn't support item deletion"),
        PythonOnlyError.SliceDeletion => new(MmapErrorKind.TypeError, "mmap object doesn't support slice deletion"),
        _ => new(MmapErrorKind.SystemError, "unknown mmap error"),
    };

    /// <summary>
    /// One failure: the Python exception type, how the .NET API reports it, the argument it is about (the
    /// parameter name the .NET API gives, when no caller names another), and CPython's text.
    /// </summary>
    private readonly record struct Row(MmapErrorKind Kind, Reported Reported, string? Parameter, string Message);

    /// <summary>One failure of Python's protocols alone: the Python exception type and CPython's text.</summary>
    private readonly record struct PythonOnlyRow(MmapErrorKind Kind, string Message);
}
