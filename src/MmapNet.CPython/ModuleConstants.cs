using System;
using System.Runtime.InteropServices;

namespace MmapNet.CPython;

/// <summary>
/// The integer constants of the stdlib mmap module on Linux, with the version that introduced each:
/// the module exposes exactly the names the running interpreter's own mmap has.
/// </summary>
internal static class ModuleConstants
{
    // What every supported version has.
    private static readonly Version s_everySupportedVersion = SupportedPythons.Oldest;
    private static readonly Version s_python311 = new(3, 11);
    private static readonly Version s_python313 = new(3, 13);

    // What no version has on this architecture. A row, not a spread of an optional one into the array: a spread
    // builds it through List<T>, whose code over this tuple is compiled at import (it cannot be precompiled).
    private static readonly Version s_noVersion = new(int.MaxValue, 0);

    /// <summary>Every constant of this process's architecture: name, value, first version that has it.</summary>
    public static (string Name, long Value, Version Since)[] All { get; } = For(RuntimeInformation.ProcessArchitecture);

    /// <summary>
    /// The constants CPython's mmap has on Linux on <paramref name="architecture"/>. They differ in one name: CPython
    /// adds each MAP_* and MADV_* under <c>#ifdef</c>, and glibc defines <c>MAP_32BIT</c> on x86-64 only. The values
    /// are the same on x86-64 and AArch64 (both use the kernel's generic mman and errno numbers for these).
    /// </summary>
    internal static (string Name, long Value, Version Since)[] For(Architecture architecture) =>
    [
        ("ACCESS_DEFAULT", (long)MapAccess.Default, s_everySupportedVersion),
        ("ACCESS_READ", (long)MapAccess.Read, s_everySupportedVersion),
        ("ACCESS_WRITE", (long)MapAccess.Write, s_everySupportedVersion),
        ("ACCESS_COPY", (long)MapAccess.Copy, s_everySupportedVersion),
        ("PAGESIZE", MemoryMap.PageSize, s_everySupportedVersion),
        ("ALLOCATIONGRANULARITY", MemoryMap.AllocationGranularity, s_everySupportedVersion),
        ("PROT_READ", (long)MapProtection.Read, s_everySupportedVersion),
        ("PROT_WRITE", (long)MapProtection.Write, s_everySupportedVersion),
        ("PROT_EXEC", (long)MapProtection.Execute, s_everySupportedVersion),
        ("MAP_SHARED", (long)MapFlags.Shared, s_everySupportedVersion),
        ("MAP_PRIVATE", (long)MapFlags.Private, s_everySupportedVersion),
        ("MAP_ANON", (long)MapFlags.Anonymous, s_everySupportedVersion),
        ("MAP_ANONYMOUS", (long)MapFlags.Anonymous, s_everySupportedVersion),
        ("MAP_DENYWRITE", (long)MapFlags.DenyWrite, s_everySupportedVersion),
        ("MAP_EXECUTABLE", (long)MapFlags.Executable, s_everySupportedVersion),
        ("MAP_POPULATE", (long)MapFlags.Populate, s_everySupportedVersion),
        ("MAP_STACK", (long)MapFlags.Stack, s_python311),
        ("MAP_32BIT", (long)MapFlags.Map32Bit, architecture == Architecture.X64 ? s_python313 : s_noVersion),
        ("MAP_NORESERVE", (long)MapFlags.NoReserve, s_python313),
        ("MADV_NORMAL", (long)MemoryAdvice.Normal, s_everySupportedVersion),
        ("MADV_RANDOM", (long)MemoryAdvice.Random, s_everySupportedVersion),
        ("MADV_SEQUENTIAL", (long)MemoryAdvice.Sequential, s_everySupportedVersion),
        ("MADV_WILLNEED", (long)MemoryAdvice.WillNeed, s_everySupportedVersion),
        ("MADV_DONTNEED", (long)MemoryAdvice.DontNeed, s_everySupportedVersion),
        ("MADV_FREE", (long)MemoryAdvice.Free, s_everySupportedVersion),
        ("MADV_REMOVE", (long)MemoryAdvice.Remove, s_everySupportedVersion),
        ("MADV_DONTFORK", (long)MemoryAdvice.DontFork, s_everySupportedVersion),
        ("MADV_DOFORK", (long)MemoryAdvice.DoFork, s_everySupportedVersion),
        ("MADV_MERGEABLE", (long)MemoryAdvice.Mergeable, s_everySupportedVersion),
        ("MADV_UNMERGEABLE", (long)MemoryAdvice.Unmergeable, s_everySupportedVersion),
        ("MADV_HUGEPAGE", (long)MemoryAdvice.HugePage, s_everySupportedVersion),
        ("MADV_NOHUGEPAGE", (long)MemoryAdvice.NoHugePage, s_everySupportedVersion),
        ("MADV_DONTDUMP", (long)MemoryAdvice.DontDump, s_everySupportedVersion),
        ("MADV_DODUMP", (long)MemoryAdvice.DoDump, s_everySupportedVersion),
        ("MADV_HWPOISON", (long)MemoryAdvice.HardwarePoison, s_everySupportedVersion),
    ];
}
