using System.Runtime.InteropServices;
using MmapNet.Interop;

namespace MmapNet;

/// <summary>
/// Owns the map's own copy of the file descriptor (duplicated close-on-exec, as CPython does), which
/// <c>size()</c> and <c>resize()</c> use after the caller has closed theirs.
/// </summary>
internal sealed class FileDescriptorHandle : SafeHandle
{
    public FileDescriptorHandle(int fd)
        : base(invalidHandleValue: -1, ownsHandle: true)
    {
        SetHandle(fd);
    }

    public override bool IsInvalid => (int)handle < 0;

    public int Descriptor => (int)handle;

    /// <summary>Duplicates <paramref name="fd"/> close-on-exec; returns 0 or the errno.</summary>
    public static int Duplicate(int fd, out FileDescriptorHandle? copy)
    {
        int duplicate = Libc.Fcntl(fd, Libc.FDupFdCloexec, 0);
        if (duplicate < 0)
        {
            copy = null;
            return Marshal.GetLastPInvokeError();
        }

        copy = new FileDescriptorHandle(duplicate);
        return 0;
    }

    protected override bool ReleaseHandle() => Libc.Close((int)handle) == 0;
}
