using System;
using System.Diagnostics.CodeAnalysis;

namespace MmapNet;

/// <summary>
/// The <c>flags</c> argument of <c>mmap(2)</c>, with Linux x86-64 values (the values of CPython's
/// <c>mmap.MAP_*</c> constants here). Any other bits are passed to the kernel unchanged, as CPython does.
/// </summary>
[Flags]
[SuppressMessage("Naming", "CA1711", Justification = "These are mmap(2)'s flags argument; the name says exactly that.")]
public enum MapFlags
{
    /// <summary>No flags; the kernel requires one of <see cref="Shared"/> or <see cref="Private"/>.</summary>
    None = 0,

    /// <summary><c>MAP_SHARED</c>: writes are visible to other maps of the file and carried to the file.</summary>
    Shared = 0x01,

    /// <summary><c>MAP_PRIVATE</c>: a copy-on-write mapping.</summary>
    Private = 0x02,

    /// <summary><c>MAP_ANONYMOUS</c> (also <c>MAP_ANON</c>): memory not backed by a file.</summary>
    Anonymous = 0x20,

    /// <summary><c>MAP_32BIT</c>: place the mapping in the first 2 GiB (x86-64 only).</summary>
    Map32Bit = 0x40,

    /// <summary><c>MAP_DENYWRITE</c>: ignored by Linux, kept for compatibility.</summary>
    DenyWrite = 0x0800,

    /// <summary><c>MAP_EXECUTABLE</c>: ignored by Linux, kept for compatibility.</summary>
    Executable = 0x1000,

    /// <summary><c>MAP_NORESERVE</c>: do not reserve swap space for the mapping.</summary>
    NoReserve = 0x4000,

    /// <summary><c>MAP_POPULATE</c>: prefault the page tables.</summary>
    Populate = 0x8000,

    /// <summary><c>MAP_STACK</c>: an address suitable for a stack.</summary>
    Stack = 0x20000,
}
