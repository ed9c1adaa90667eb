using System;

namespace MmapNet;

/// <summary>
/// A failure of a <see cref="MemoryMap"/> operation: exactly the failure CPython's mmap would raise,
/// with its message, its Python exception type (<see cref="Kind"/>) and, for system calls, its errno.
/// </summary>
public sealed class MemoryMapException : Exception
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
