namespace MmapNet;

/// <summary>
/// The Python exception type that CPython's mmap raises for a failure. Each kind maps to exactly one
/// Python exception class, so a failure in .NET and the exception in Python are the same thing.
/// </summary>
public enum MmapErrorKind
{
    /// <summary>Python's <c>ValueError</c>.</summary>
    ValueError,

    /// <summary>Python's <c>TypeError</c>.</summary>
    TypeError,

    /// <summary>Python's <c>IndexError</c>.</summary>
    IndexError,

    /// <summary>Python's <c>OverflowError</c>.</summary>
    OverflowError,

    /// <summary>Python's <c>BufferError</c>.</summary>
    BufferError,

    /// <summary>Python's <c>OSError</c> (<c>mmap.error</c>), carrying an errno.</summary>
    OSError,

    /// <summary>Python's <c>SystemError</c>.</summary>
    SystemError,
}
