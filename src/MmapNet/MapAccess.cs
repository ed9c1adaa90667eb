namespace MmapNet;

/// <summary>
/// How a map may be used, with the values of CPython's <c>mmap.ACCESS_*</c> constants.
/// </summary>
public enum MapAccess
{
    /// <summary>
    /// <c>ACCESS_DEFAULT</c>: the mapping follows <see cref="MapFlags"/> and <see cref="MapProtection"/>.
    /// </summary>
    Default = 0,

    /// <summary><c>ACCESS_READ</c>: a read-only, shared mapping.</summary>
    Read = 1,

    /// <summary><c>ACCESS_WRITE</c>: a read-write, shared mapping (write-through to the file).</summary>
    Write = 2,

    /// <summary><c>ACCESS_COPY</c>: a read-write, private (copy-on-write) mapping; the file is never changed.</summary>
    Copy = 3,
}
