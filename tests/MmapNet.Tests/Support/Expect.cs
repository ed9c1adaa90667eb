using System;

namespace MmapNet.Tests.Support;

/// <summary>
/// Assertions on a map's failures: the .NET exception the convention gives it, CPython's text in it, the
/// argument it names, and the failure it stands for (<see cref="MmapErrors.TryGetError"/>).
/// </summary>
internal static class Expect
{
    // errno values of Linux (asm-generic/errno-base.h), the ones the tests provoke.
    public const int EIO = 5;
    public const int EBADF = 9;
    public const int ENOMEM = 12;
    public const int EACCES = 13;
    public const int EINVAL = 22;
    public const int EFBIG = 27;

    /// <summary>The text CPython 3.13 gives each errno above (OSError.strerror, measured here with glibc).</summary>
    public static string CPythonStrerror(int errno) => errno switch
    {
        EIO => "Input/output error",
        EBADF => "Bad file descriptor",
        ENOMEM => "Cannot allocate memory",
        EACCES => "Permission denied",
        EINVAL => "Invalid argument",
        EFBIG => "File too large",
        _ => throw new ArgumentOutOfRangeException(nameof(errno), errno, "No measured CPython text for this errno."),
    };

    /// <summary>
    /// The .NET API's error convention, written here apart from the library's table (MmapErrors) so that a
    /// wrong row there fails the tests: for each failure, the exception type and, for an argument exception,
    /// the parameter it names unless the method names another.
    /// </summary>
    public static (Type Type, string? Parameter) Convention(MmapError error) => error switch
    {
        // A failed system call, and what the map's state refuses.
        MmapError.SystemCall => (typeof(MemoryMapException), null),
        MmapError.ReadByteOutOfRange => (typeof(MemoryMapException), null),
        MmapError.WriteByteOutOfRange => (typeof(MemoryMapException), null),
        MmapError.DataOutOfRange => (typeof(MemoryMapException), null),
        MmapError.ResizeWithExports => (typeof(MemoryMapException), null),
        MmapError.CloseWithExports => (typeof(MemoryMapException), null),

        // A closed map.
        MmapError.ClosedOrInvalid => (typeof(ObjectDisposedException), null),

        // What the access mode (or trackfd) rules out.
        MmapError.ReadOnly => (typeof(NotSupportedException), null),
        MmapError.NotResizable => (typeof(NotSupportedException), null),
        MmapError.ResizeWithoutTrackedDescriptor => (typeof(NotSupportedException), null),

        // Bad arguments.
        MmapError.LengthNegative => (typeof(ArgumentOutOfRangeException), "length"),
        MmapError.OffsetNegative => (typeof(ArgumentOutOfRangeException), "offset"),
        MmapError.AccessWithFlagsOrProtection => (typeof(ArgumentException), "access"),
        MmapError.InvalidAccess => (typeof(ArgumentOutOfRangeException), "access"),
        MmapError.EmptyFile => (typeof(ArgumentException), "length"),
        MmapError.OffsetBeyondFileSize => (typeof(ArgumentOutOfRangeException), "offset"),
        MmapError.LengthBeyondFileSize => (typeof(ArgumentOutOfRangeException), "length"),
        MmapError.NewSizeOutOfRange => (typeof(ArgumentOutOfRangeException), "newLength"),
        MmapError.FlushOutOfRange => (typeof(ArgumentOutOfRangeException), "size"),
        MmapError.SeekOutOfRange => (typeof(ArgumentOutOfRangeException), "offset"),
        MmapError.UnknownSeekType => (typeof(ArgumentOutOfRangeException), "origin"),
        MmapError.MoveOutOfRange => (typeof(ArgumentOutOfRangeException), "count"),
        MmapError.AdviseStartOutOfBounds => (typeof(ArgumentOutOfRangeException), "start"),
        MmapError.AdviseLengthInvalid => (typeof(ArgumentOutOfRangeException), "length"),
        MmapError.AdviseLengthTooLarge => (typeof(ArgumentOutOfRangeException), "length"),
        MmapError.IndexOutOfRange => (typeof(ArgumentOutOfRangeException), "index"),
        MmapError.SliceAssignmentWrongSize => (typeof(ArgumentException), "value"),
        MmapError.SliceStepZero => (typeof(ArgumentOutOfRangeException), "step"),
        _ => throw new ArgumentOutOfRangeException(nameof(error), error, "Not a failure."),
    };

    /// <summary>
    /// <paramref name="action"/> fails with <paramref name="error"/> (not a system call): the exception the
    /// convention gives it (exactly that type), CPython's text (the table itself is checked against CPython in
    /// ErrorTableTests), the argument <paramref name="paramName"/> (or the convention's), and the failure itself.
    /// </summary>
    public static Exception Error(MmapError error, Action action, string? paramName = null)
    {
        (Type type, string? parameter) = Convention(error);
        Exception ex = Assert.Throws(type, action)!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(MmapErrors.TryGetError(ex, out MmapError actual), Is.True, "stands for a failure");
            Assert.That(actual, Is.EqualTo(error), "error");
            Assert.That(ex.Message, Does.StartWith(MmapErrors.MessageOf(error)), "message");
            if (ex is ArgumentException argument)
            {
                Assert.That(argument.ParamName, Is.EqualTo(paramName ?? parameter), "parameter");
            }

            if (ex is MemoryMapException failure)
            {
                Assert.That(failure.Errno, Is.Zero, "errno");
                Assert.That(failure.Kind, Is.EqualTo(MmapErrors.KindOf(error)), "kind");
                Assert.That(failure.Message, Is.EqualTo(MmapErrors.MessageOf(error)), "message");
            }
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

    /// <summary><paramref name="action"/> fails because the map is closed: <see cref="ObjectDisposedException"/>.</summary>
    public static Exception Closed(Action action) => Error(MmapError.ClosedOrInvalid, action);
}
