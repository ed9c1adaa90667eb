using System.Diagnostics.CodeAnalysis;

namespace MmapNet;

/// <summary>
/// The outcome of an operation: success, or one <see cref="MmapError"/> with the errno of a failed
/// system call. The map's internal operations return it instead of throwing, so the CPython face can
/// raise the Python exception without paying for a .NET exception; the public API throws the .NET
/// exception <see cref="MmapErrors"/> gives it.
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

    /// <summary>
    /// Throws the exception the .NET API gives a failure (see <see cref="MmapErrors"/>); an argument
    /// exception names <paramref name="paramName"/>, or else the argument the failure's row names.
    /// </summary>
    public void ThrowIfFailed(string? paramName = null)
    {
        if (!IsOk)
        {
            Throw(this, paramName);
        }
    }

    [DoesNotReturn]
    private static void Throw(MmapStatus status, string? paramName) =>
        throw MmapErrors.ToException(status.Error, status.Errno, paramName);
}
