namespace MmapNet;

/// <summary>
/// The failures of CPython's mmap that only Python code can meet: the conversions and deletions of Python's
/// subscript and sequence protocols, which the CPython face implements and the .NET API has no counterpart of
/// (its indexer takes a <see cref="long"/> and a <see cref="byte"/>, and nothing can be deleted). Their messages
/// are rows of the one table, <see cref="MmapErrors"/>, beside those of <see cref="MmapError"/>.
/// </summary>
internal enum PythonOnlyError
{
    /// <summary>A subscript that is neither an integer nor a slice (<c>m['a']</c>).</summary>
    IndicesMustBeIntegers,

    /// <summary>An assignment subscript that is neither an integer nor a slice (<c>m['a'] = 1</c>).</summary>
    AssignmentIndicesMustBeInteger,

    /// <summary>An item assignment whose value is not an integer (<c>m[0] = b'a'</c>).</summary>
    ItemValueMustBeInt,

    /// <summary>An item assignment with a value outside 0..255 (<c>m[0] = 256</c>).</summary>
    ItemValueOutOfRange,

    /// <summary>A sequence item assignment whose value is not one byte (<c>PySequence_SetItem(m, 0, b'ab')</c>).</summary>
    ItemAssignmentMustBeOneByte,

    /// <summary><c>del m[i]</c> through the mapping protocol.</summary>
    ItemDeletion,

    /// <summary><c>del m[i]</c> through the sequence protocol (<c>PySequence_DelItem</c>).</summary>
    SequenceItemDeletion,

    /// <summary><c>del m[i:j]</c>.</summary>
    SliceDeletion,
}
