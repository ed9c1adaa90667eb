using System.Diagnostics.CodeAnalysis;

namespace MmapNet;

/// <summary>
/// The outcome of an operation: success, or one <see cref="MmapError"/> with the errno of a failed
/// system call. The map's internal operations return it instead of throwing, so the CPython face can
/// raise the Python exception without paying for a .NET exception; the public API throws it.
/// </summary>
internal readonly struct MmapStatus
{
    public static MmapStatus Ok => default;

    private MmapStatus(MmapError error, int errno)
    {
        Error = error;
        Errno = errno;
    }

    public MmapError Error { get; }

    public int Errno { get; }

    public bool IsOk => Error == MmapError.None;

    public static implicit operator MmapStatus(MmapError error) => new(error, 0);

    public static MmapStatus FromErrno(int errno) => new(MmapError.SystemCall, errno);

    public void ThrowIfFailed()
    {
        if (!IsOk)
        {
            Throw(this);
        }
    }

    [DoesNotReturn]
    private static void Throw(MmapStatus status) => throw new MemoryMapException(status.Error, status.Errno);
}
