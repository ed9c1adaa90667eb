using System;
using System.IO;
using System.Runtime.InteropServices;

namespace MmapNet.Tests.Support;

/// <summary>A descriptor from open(2) itself, for what .NET will not open (directories: O_RDONLY works on them).</summary>
internal sealed partial class RawDescriptor : IDisposable
{
    private const int ORdonly = 0;
    private const int OCloexec = 0x80000; // O_CLOEXEC (02000000 octal) on x86-64 and AArch64

    private RawDescriptor(int descriptor) => Descriptor = descriptor;

    public int Descriptor { get; private set; }

    public static RawDescriptor OpenDirectory(string path)
    {
        int fd = Open(path, ORdonly | OCloexec);
        if (fd < 0)
        {
            throw new IOException($"open({path}) failed: errno {Marshal.GetLastPInvokeError()}");
        }

        return new RawDescriptor(fd);
    }

    public void Dispose()
    {
        if (Descriptor >= 0)
        {
            _ = Close(Descriptor);
            Descriptor = -1;
        }
    }

    [LibraryImport("libc.so.6", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc.so.6", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
