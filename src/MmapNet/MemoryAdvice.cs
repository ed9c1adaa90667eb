namespace MmapNet;

/// <summary>
/// The <c>advice</c> argument of <c>madvise(2)</c>, with Linux values (CPython's <c>mmap.MADV_*</c>
/// constants here). Any other value is passed to the kernel unchanged, as CPython does.
/// </summary>
public enum MemoryAdvice
{
    /// <summary><c>MADV_NORMAL</c>.</summary>
    Normal = 0,

    /// <summary><c>MADV_RANDOM</c>.</summary>
    Random = 1,

    /// <summary><c>MADV_SEQUENTIAL</c>.</summary>
    Sequential = 2,

    /// <summary><c>MADV_WILLNEED</c>.</summary>
    WillNeed = 3,

    /// <summary><c>MADV_DONTNEED</c>.</summary>
    DontNeed = 4,

    /// <summary><c>MADV_FREE</c>.</summary>
    Free = 8,

    /// <summary><c>MADV_REMOVE</c>.</summary>
    Remove = 9,

    /// <summary><c>MADV_DONTFORK</c>.</summary>
    DontFork = 10,

    /// <summary><c>MADV_DOFORK</c>.</summary>
    DoFork = 11,

    /// <summary><c>MADV_MERGEABLE</c>.</summary>
    Mergeable = 12,

    /// <summary><c>MADV_UNMERGEABLE</c>.</summary>
    Unmergeable = 13,

    /// <summary><c>MADV_HUGEPAGE</c>.</summary>
    HugePage = 14,

    /// <summary><c>MADV_NOHUGEPAGE</c>.</summary>
    NoHugePage = 15,

    /// <summary><c>MADV_DONTDUMP</c>.</summary>
    DontDump = 16,

    /// <summary><c>MADV_DODUMP</c>.</summary>
    DoDump = 17,

    /// <summary><c>MADV_HWPOISON</c>.</summary>
    HardwarePoison = 100,
}
