using System.Runtime.InteropServices;

namespace MmapNet;

/// <summary>
/// The one table of CPython's mmap error messages: for each <see cref="MmapError"/>, and for each failure
/// only Python code can meet (internal, for the CPython face), the Python exception type and the exact
/// text CPython 3.10 to 3.13 raise (Modules/mmapmodule.c, Linux).
/// </summary>
public static class MmapErrors
{
    /// <summary>The Python exception type CPython raises for <paramref name="error"/>.</summary>
    public static MmapErrorKind KindOf(MmapError error) => Describe(error).Kind;

    /// <summary>
    /// The exact message CPython raises for <paramref name="error"/>; for <see cref="MmapError.SystemCall"/>,
    /// the text of <paramref name="errno"/> as <c>strerror</c> gives it.
    /// </summary>
    public static string MessageOf(MmapError error, int errno = 0) =>
        error == MmapError.SystemCall ? Marshal.GetPInvokeErrorMessage(errno) : Describe(error).Message;

    private static (MmapErrorKind Kind, string Message) Describe(MmapError error) => error switch
    {
        MmapError.SystemCall => (MmapErrorKind.OSError, ""),
        MmapError.ClosedOrInvalid => (MmapErrorKind.ValueError, "mmap closed or invalid"),
        MmapError.LengthNegative => (MmapErrorKind.OverflowError, "memory mapped length must be positive"),
        MmapError.OffsetNegative => (MmapErrorKind.OverflowError, "memory mapped offset must be positive"),
        MmapError.AccessWithFlagsOrProtection => (MmapErrorKind.ValueError, "mmap can't specify both access and flags, prot."),
        MmapError.InvalidAccess => (MmapErrorKind.ValueError, "mmap invalid access parameter."),
        MmapError.EmptyFile => (MmapErrorKind.ValueError, "cannot mmap an empty file"),
        MmapError.OffsetBeyondFileSize => (MmapErrorKind.ValueError, "mmap offset is greater than file size"),
        MmapError.LengthBeyondFileSize => (MmapErrorKind.ValueError, "mmap length is greater than file size"),
        MmapError.ReadByteOutOfRange => (MmapErrorKind.ValueError, "read byte out of range"),
        MmapError.WriteByteOutOfRange => (MmapErrorKind.ValueError, "write byte out of range"),
        MmapError.DataOutOfRange => (MmapErrorKind.ValueError, "data out of range"),
        MmapError.ReadOnly => (MmapErrorKind.TypeError, "mmap can't modify a readonly memory map."),
        MmapError.NotResizable => (MmapErrorKind.TypeError, "mmap can't resize a readonly or copy-on-write memory map."),
        MmapError.ResizeWithExports => (MmapErrorKind.BufferError, "mmap can't resize with extant buffers exported."),
        MmapError.ResizeWithoutTrackedDescriptor => (MmapErrorKind.ValueError, "mmap can't resize with trackfd=False."),
        MmapError.NewSizeOutOfRange => (MmapErrorKind.ValueError, "new size out of range"),
        MmapError.CloseWithExports => (MmapErrorKind.BufferError, "cannot close exported pointers exist"),
        MmapError.FlushOutOfRange => (MmapErrorKind.ValueError, "flush values out of range"),
        MmapError.SeekOutOfRange => (MmapErrorKind.ValueError, "seek out of range"),
        MmapError.UnknownSeekType => (MmapErrorKind.ValueError, "unknown seek type"),
        MmapError.MoveOutOfRange => (MmapErrorKind.ValueError, "source, destination, or count out of range"),
        MmapError.AdviseStartOutOfBounds => (MmapErrorKind.ValueError, "madvise start out of bounds"),
        MmapError.AdviseLengthInvalid => (MmapErrorKind.ValueError, "madvise length invalid"),
        MmapError.AdviseLengthTooLarge => (MmapErrorKind.OverflowError, "madvise length too large"),
        MmapError.IndexOutOfRange => (MmapErrorKind.IndexError, "mmap index out of range"),
        MmapError.SliceAssignmentWrongSize => (MmapErrorKind.IndexError, "mmap slice assignment is wrong size"),
        MmapError.SliceStepZero => (MmapErrorKind.ValueError, "slice step cannot be zero"),
        _ => (MmapErrorKind.SystemError, "unknown mmap error"),
    };

    /// <summary>The Python exception type CPython raises for <paramref name="error"/>.</summary>
    internal static MmapErrorKind KindOf(PythonOnlyError error) => Describe(error).Kind;

    /// <summary>The exact message CPython raises for <paramref name="error"/>.</summary>
    internal static string MessageOf(PythonOnlyError error) => Describe(error).Message;

    private static (MmapErrorKind Kind, string Message) Describe(PythonOnlyError error) => error switch
    {
        PythonOnlyError.IndicesMustBeIntegers => (MmapErrorKind.TypeError, "mmap indices must be integers"),
        PythonOnlyError.AssignmentIndicesMustBeInteger => (MmapErrorKind.TypeError, "mmap indices must be integer"),
        PythonOnlyError.ItemValueMustBeInt => (MmapErrorKind.TypeError, "mmap item value must be an int"),
        PythonOnlyError.ItemValueOutOfRange => (MmapErrorKind.ValueError, "mmap item value must be in range(0, 256)"),
        PythonOnlyError.ItemAssignmentMustBeOneByte => (MmapErrorKind.IndexError, "mmap assignment must be length-1 bytes()"),
        PythonOnlyError.ItemDeletion => (MmapErrorKind.TypeError, "mmap doesn't support item deletion"),
        PythonOnlyError.SequenceItemDeletion => (MmapErrorKind.TypeError, "mmap object doesn't support item deletion"),
        PythonOnlyError.SliceDeletion => (MmapErrorKind.TypeError, "mmap object doesn't support slice deletion"),
        _ => (MmapErrorKind.SystemError, "unknown mmap error"),
    };
}
