using System;

namespace MmapNet.Tests.Support;

/// <summary>Assertions on <see cref="MemoryMapException"/>: which failure, and that it carries CPython's type, text and errno.</summary>
internal static class Expect
{
    // errno values of Linux (asm-generic/errno-base.h), the ones the tests provoke.
    public const int EBADF = 9;
    public const int ENOMEM = 12;
    public const int EACCES = 13;
    public const int EINVAL = 22;
    public const int EFBIG = 27;

    /// <summary>The text CPython 3.13 gives each errno above (OSError.strerror, measured here with glibc).</summary>
    public static string CPythonStrerror(int errno) => errno switch
    {
        EBADF => "Bad file descriptor",
        ENOMEM => "Cannot allocate memory",
        EACCES => "Permission denied",
        EINVAL => "Invalid argument",
        EFBIG => "File too large",
        _ => throw new ArgumentOutOfRangeException(nameof(errno), errno, "No measured CPython text for this errno."),
    };

    /// <summary>
    /// <paramref name="action"/> fails with <paramref name="error"/> (not a system call), with the kind
    /// and message that the error table gives it (the table itself is checked against CPython in
    /// ErrorTableTests).
    /// </summary>
    public static MemoryMapException Error(MmapError error, Action action)
    {
        MemoryMapException ex = Assert.Throws<MemoryMapException>(action)!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.Error, Is.EqualTo(error), "error");
            Assert.That(ex.Errno, Is.Zero, "errno");
            Assert.That(ex.Kind, Is.EqualTo(MmapErrors.KindOf(error)), "kind");
            Assert.That(ex.Message, Is.EqualTo(MmapErrors.MessageOf(error)), "message");
        }

        return ex;
    }

    /// <summary><paramref name="action"/> fails as a system call with <paramref name="errno"/>: CPython's OSError with that errno and text.</summary>
    public static MemoryMapException OSError(int errno, Action action)
    {
        MemoryMapException ex = Assert.Throws<MemoryMapException>(action)!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.Error, Is.EqualTo(MmapError.SystemCall), "error");
            Assert.That(ex.Kind, Is.EqualTo(MmapErrorKind.OSError), "kind");
            Assert.That(ex.Errno, Is.EqualTo(errno), "errno");
            Assert.That(ex.Message, Is.EqualTo(CPythonStrerror(errno)), "message");
        }

        return ex;
    }
}
