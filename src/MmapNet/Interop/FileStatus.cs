using System;
using System.Runtime.InteropServices;

namespace MmapNet.Interop;

/// <summary>
/// The two fields of <c>struct stat</c> the map needs, read from the layout of the running
/// architecture (glibc's x86-64 and AArch64 layouts differ before <c>st_size</c>).
/// </summary>
internal readonly struct FileStatus
{
    internal const int BufferSize = 256;

    private FileStatus(int mode, long size)
    {
        Mode = mode;
        Size = size;
    }

    public int Mode { get; }

    public long Size { get; }

    public bool IsRegularFile => (Mode & Libc.SIfmt) == Libc.SIfreg;

    /// <summary>Calls <c>fstat(2)</c>; returns 0 or the errno.</summary>
    public static unsafe int Query(int fd, out FileStatus status)
    {
        byte* buffer = stackalloc byte[BufferSize];
        if (Libc.Fstat(fd, buffer) != 0)
        {
            status = default;
            return Marshal.GetLastPInvokeError();
        }

        (int modeOffset, int sizeOffset) = Layout(RuntimeInformation.ProcessArchitecture);
        status = new FileStatus(*(int*)(buffer + modeOffset), *(long*)(buffer + sizeOffset));
        return 0;
    }

    /// <summary>
    /// Where <c>st_mode</c> and <c>st_size</c> are in glibc's <c>struct stat</c> on <paramref name="architecture"/>:
    /// x86-64 has its own layout (<c>st_nlink</c> is 8 bytes and comes before <c>st_mode</c>); AArch64 uses the
    /// kernel's generic one (a 4-byte <c>st_nlink</c> after <c>st_mode</c>). <c>st_size</c> falls at 48 in both.
    /// The tests compare these with <c>offsetof</c> from each architecture's own headers.
    /// </summary>
    internal static (int ModeOffset, int SizeOffset) Layout(Architecture architecture) => architecture switch
    {
        Architecture.X64 => (24, 48),
        Architecture.Arm64 => (16, 48),
        _ => throw new PlatformNotSupportedException("MmapNet supports Linux on x86-64 and AArch64."),
    };
}
