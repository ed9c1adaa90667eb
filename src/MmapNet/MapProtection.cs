using System;

namespace MmapNet;

/// <summary>
/// The <c>prot</c> argument of <c>mmap(2)</c>: the values of CPython's <c>mmap.PROT_*</c> constants.
/// </summary>
[Flags]
public enum MapProtection
{
    /// <summary><c>PROT_NONE</c>: the pages may not be accessed.</summary>
    None = 0,

    /// <summary><c>PROT_READ</c>: the pages may be read.</summary>
    Read = 1,

    /// <summary><c>PROT_WRITE</c>: the pages may be written.</summary>
    Write = 2,

    /// <summary><c>PROT_EXEC</c>: the pages may be executed.</summary>
    Execute = 4,

    /// <summary><c>PROT_READ | PROT_WRITE</c>, CPython's default.</summary>
    ReadWrite = Read | Write,
}
