namespace MmapNet;

/// <summary>
/// The failures of CPython's mmap that a <see cref="MemoryMap"/> decides, one member each: what a .NET caller
/// can meet. Each is thrown as the .NET exception the convention gives it (named with each member here), with
/// CPython's message; <see cref="MmapErrors.TryGetError"/> gives the member back from the exception, and
/// <see cref="MmapErrors"/> holds the message and Python exception type of each, the only place they are written.
/// (The failures only Python code can meet, of Python's subscript and sequence protocols, are the CPython face's.)
/// </summary>
public enum MmapError
{
    /// <summary>No failure.</summary>
    None = 0,

    /// <summary>A system call failed; the errno says why (<c>OSError</c>). <see cref="MemoryMapException"/>.</summary>
    SystemCall,

    /// <summary>The map is closed. <see cref="System.ObjectDisposedException"/>.</summary>
    ClosedOrInvalid,

    /// <summary>A negative length was given to the constructor. <see cref="System.ArgumentOutOfRangeException"/>.</summary>
    LengthNegative,

    /// <summary>A negative offset was given to the constructor. <see cref="System.ArgumentOutOfRangeException"/>.</summary>
    OffsetNegative,

    /// <summary>An access mode was combined with non-default flags or protection. <see cref="System.ArgumentException"/>.</summary>
    AccessWithFlagsOrProtection,

    /// <summary>The access mode is not one of the four <see cref="MapAccess"/> values. <see cref="System.ArgumentOutOfRangeException"/>.</summary>
    InvalidAccess,

    /// <summary>Length 0 (the whole file) was asked for an empty file. <see cref="System.ArgumentException"/>.</summary>
    EmptyFile,

    /// <summary>Length 0 (the rest of the file) was asked with an offset at or past the end of the file. <see cref="System.ArgumentOutOfRangeException"/>.</summary>
    OffsetBeyondFileSize,

    /// <summary>The offset plus the length reach past the end of the file. <see cref="System.ArgumentOutOfRangeException"/>.</summary>
    LengthBeyondFileSize,

    /// <summary><c>read_byte</c> at or past the end. <see cref="MemoryMapException"/>.</summary>
    ReadByteOutOfRange,

    /// <summary><c>write_byte</c> at or past the end. <see cref="MemoryMapException"/>.</summary>
    WriteByteOutOfRange,

    /// <summary>
    /// <c>write</c> of more bytes than remain after the position: <see cref="MemoryMapException"/>. (The same failure at
    /// an offset of the caller's, <see cref="MemoryMap.WriteAt"/>, is an argument exception; in a stream,
    /// <see cref="System.NotSupportedException"/>.)
    /// </summary>
    DataOutOfRange,

    /// <summary>A write to a map created with <see cref="MapAccess.Read"/>. <see cref="System.NotSupportedException"/>.</summary>
    ReadOnly,

    /// <summary>A resize of a read-only or copy-on-write map. <see cref="System.NotSupportedException"/>.</summary>
    NotResizable,

    /// <summary>A resize while buffers (or spans, or memory) over the map are exported. <see cref="MemoryMapException"/>.</summary>
    ResizeWithExports,

    /// <summary>A resize of a map made with <c>trackfd=False</c>. <see cref="System.NotSupportedException"/>.</summary>
    ResizeWithoutTrackedDescriptor,

    /// <summary>A resize to a negative size, or to one that overflows with the offset. <see cref="System.ArgumentOutOfRangeException"/>.</summary>
    NewSizeOutOfRange,

    /// <summary>A close while buffers (or spans, or memory) over the map are exported. <see cref="MemoryMapException"/>.</summary>
    CloseWithExports,

    /// <summary><c>flush</c> with an offset or size outside the map. <see cref="System.ArgumentOutOfRangeException"/>.</summary>
    FlushOutOfRange,

    /// <summary><c>seek</c> to a position before the start or past the end. <see cref="System.ArgumentOutOfRangeException"/>.</summary>
    SeekOutOfRange,

    /// <summary><c>seek</c> with a whence other than 0, 1 or 2. <see cref="System.ArgumentOutOfRangeException"/>.</summary>
    UnknownSeekType,

    /// <summary><c>move</c> with a source, destination or count outside the map. <see cref="System.ArgumentOutOfRangeException"/>.</summary>
    MoveOutOfRange,

    /// <summary><c>madvise</c> with a start outside the map. <see cref="System.ArgumentOutOfRangeException"/>.</summary>
    AdviseStartOutOfBounds,

    /// <summary><c>madvise</c> with a negative length. <see cref="System.ArgumentOutOfRangeException"/>.</summary>
    AdviseLengthInvalid,

    /// <summary><c>madvise</c> with a start plus length that overflows. <see cref="System.ArgumentOutOfRangeException"/>.</summary>
    AdviseLengthTooLarge,

    /// <summary>An index outside the map. <see cref="System.ArgumentOutOfRangeException"/>.</summary>
    IndexOutOfRange,

    /// <summary>A slice assignment whose value length differs from the slice length. <see cref="System.ArgumentException"/>.</summary>
    SliceAssignmentWrongSize,

    /// <summary>A slice with a step of 0 (<c>m[i:j:0]</c>; in CPython the slice itself raises it). <see cref="System.ArgumentOutOfRangeException"/>.</summary>
    SliceStepZero,
}
