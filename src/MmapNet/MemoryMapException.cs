using System.IO;

namespace MmapNet;

/// <summary>
/// A failure of a <see cref="MemoryMap"/> operation that is neither a bad argument, nor a closed map, nor
/// something the map's access mode rules out: a failed system call (<see cref="Errno"/>), or what the
/// map's state refuses (closing or resizing while exports are alive; reading or writing at the position
/// when it is at the end). Its message is CPython's, and <see cref="Kind"/> the Python exception type
/// CPython raises for it. An <see cref="IOException"/>, as .NET's own I/O failures are.
/// </summary>
public sealed class MemoryMapException : IOException
{
    /// <summary>Creates the exception for <paramref name="error"/>, with the errno of a failed system call.</summary>
    public MemoryMapException(MmapError error, int errno = 0)
        : base(MmapErrors.MessageOf(error, errno))
    {
        Error = error;
        Errno = errno;
        HResult = errno;
    }

    /// <summary>Which failure this is.</summary>
    public MmapError Error { get; }

    /// <summary>The errno of the failed system call, or 0.</summary>
    public int Errno { get; }

    /// <summary>The Python exception type CPython raises for this failure.</summary>
    public MmapErrorKind Kind => MmapErrors.KindOf(Error);
}
