namespace MmapNet;

/// <summary>
/// Every failure CPython's mmap module can report, one member each. The message and the Python
/// exception type of each are in <see cref="MmapErrors"/>, the only place they are written.
/// </summary>
public enum MmapError
{
    /// <summary>No failure.</summary>
    None = 0,

    /// <summary>A system call failed; the errno says why (<c>OSError</c>).</summary>
    SystemCall,

    /// <summary>The map is closed.</summary>
    ClosedOrInvalid,

    /// <summary>A negative length was given to the constructor.</summary>
    LengthNegative,

    /// <summary>A negative offset was given to the constructor.</summary>
    OffsetNegative,

    /// <summary>An access mode was combined with non-default flags or protection.</summary>
    AccessWithFlagsOrProtection,

    /// <summary>The access mode is not one of the four <see cref="MapAccess"/> values.</summary>
    InvalidAccess,

    /// <summary>Length 0 (the whole file) was asked for an empty file.</summary>
    EmptyFile,

    /// <summary>Length 0 (the rest of the file) was asked with an offset at or past the end of the file.</summary>
    OffsetBeyondFileSize,

    /// <summary>The offset plus the length reach past the end of the file.</summary>
    LengthBeyondFileSize,

    /// <summary><c>read_byte</c> at or past the end.</summary>
    ReadByteOutOfRange,

    /// <summary><c>write_byte</c> at or past the end.</summary>
    WriteByteOutOfRange,

    /// <summary><c>write</c> of more bytes than remain after the position.</summary>
    DataOutOfRange,

    /// <summary>A write to a map created with <see cref="MapAccess.Read"/>.</summary>
    ReadOnly,

    /// <summary>A resize of a read-only or copy-on-write map.</summary>
    NotResizable,

    /// <summary>A resize while buffers (or spans, or memory) over the map are exported.</summary>
    ResizeWithExports,

    /// <summary>A resize of a map made with <c>trackfd=False</c>.</summary>
    ResizeWithoutTrackedDescriptor,

    /// <summary>A resize to a negative size, or to one that overflows with the offset.</summary>
    NewSizeOutOfRange,

    /// <summary>A close while buffers (or spans, or memory) over the map are exported.</summary>
    CloseWithExports,

    /// <summary><c>flush</c> with an offset or size outside the map.</summary>
    FlushOutOfRange,

    /// <summary><c>seek</c> to a position before the start or past the end.</summary>
    SeekOutOfRange,

    /// <summary><c>seek</c> with a whence other than 0, 1 or 2.</summary>
    UnknownSeekType,

    /// <summary><c>move</c> with a source, destination or count outside the map.</summary>
    MoveOutOfRange,

    /// <summary><c>madvise</c> with a start outside the map.</summary>
    AdviseStartOutOfBounds,

    /// <summary><c>madvise</c> with a negative length.</summary>
    AdviseLengthInvalid,

    /// <summary><c>madvise</c> with a start plus length that overflows.</summary>
    AdviseLengthTooLarge,

    /// <summary>An index outside the map.</summary>
    IndexOutOfRange,

    /// <summary>A slice assignment whose value length differs from the slice length.</summary>
    SliceAssignmentWrongSize,

    /// <summary>A slice with a step of 0 (<c>m[i:j:0]</c>; in CPython the slice itself raises it).</summary>
    SliceStepZero,
}
