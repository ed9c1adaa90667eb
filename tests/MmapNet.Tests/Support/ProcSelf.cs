using System;
using System.IO;
using System.Linq;
using MmapNet.Interop;

namespace MmapNet.Tests.Support;

/// <summary>What the kernel says about this process: its mappings and its file descriptors.</summary>
internal static class ProcSelf
{
    private const int FGetFd = 1;     // F_GETFD
    private const int FdCloexec = 1;  // FD_CLOEXEC
    private const int OCloexec = 0x80000; // O_CLOEXEC, 02000000 octal, as fdinfo's "flags" shows it

    /// <summary>How many mappings in /proc/self/maps are of the file at <paramref name="path"/>.</summary>
    public static int CountMappingsOf(string path) =>
        File.ReadAllLines("/proc/self/maps").Count(line => line.EndsWith(" " + path, StringComparison.Ordinal));

    /// <summary>How many of this process's descriptors refer to <paramref name="path"/>.</summary>
    public static int CountDescriptorsOf(string path) =>
        Directory.GetFiles("/proc/self/fd").Count(link => TargetOf(link) == path);

    /// <summary>The file that descriptor <paramref name="fd"/> refers to, or null when it is not open.</summary>
    public static string? DescriptorTarget(int fd) => TargetOf($"/proc/self/fd/{fd}");

    /// <summary>Whether <paramref name="fd"/> is close-on-exec, according to fcntl(F_GETFD).</summary>
    public static bool IsCloseOnExecByFcntl(int fd)
    {
        int flags = Libc.Fcntl(fd, FGetFd, 0);
        if (flags < 0)
        {
            throw new IOException($"fcntl(F_GETFD) failed on {fd}");
        }

        return (flags & FdCloexec) != 0;
    }

    /// <summary>Whether <paramref name="fd"/> is close-on-exec, according to /proc/self/fdinfo.</summary>
    public static bool IsCloseOnExecByFdinfo(int fd)
    {
        string flagsLine = File.ReadAllLines($"/proc/self/fdinfo/{fd}").Single(line => line.StartsWith("flags:", StringComparison.Ordinal));
        int flags = Convert.ToInt32(flagsLine["flags:".Length..].Trim(), 8);
        return (flags & OCloexec) != 0;
    }

    private static string? TargetOf(string link)
    {
        try
        {
            return new FileInfo(link).LinkTarget;
        }
        catch (IOException)
        {
            return null; // closed between listing and reading
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
