using System;
using System.Runtime.InteropServices;

namespace MmapNet.Interop;

/// <summary>
/// The two fields of <c>struct stat</c> the map needs, read from the layout of the running
/// architecture (glibc's x86-64 and AArch64 layouts differ before <c>st_size</c>).
/// </summary>
internal readonly struct FileStatus
{
    private const int BufferSize = 256;

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

        int modeOffset = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => 24,
            Architecture.Arm64 => 16,
            _ => throw new PlatformNotSupportedException("MmapNet supports Linux on x86-64 and AArch64."),
        };
        const int SizeOffset = 48; // the same on both layouts
        status = new FileStatus(*(int*)(buffer + modeOffset), *(long*)(buffer + SizeOffset));
        return 0;
    }
}
