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
    private static readonly Version EverySupportedVersion = SupportedPythons.Oldest;
    private static readonly Version Python311 = new(3, 11);
    private static readonly Version Python313 = new(3, 13);

    /// <summary>Every constant of this process's architecture: name, value, first version that has it.</summary>
    public static (string Name, long Value, Version Since)[] All { get; } = For(RuntimeInformation.ProcessArchitecture);

    /// <summary>
    /// The constants CPython's mmap has on Linux on <paramref name="architecture"/>. They differ in one name: CPython
    /// adds each MAP_* and MADV_* under <c>#ifdef</c>, and glibc defines <c>MAP_32BIT</c> on x86-64 only. The values
    /// are the same on x86-64 and AArch64 (both use the kernel's generic mman and errno numbers for these).
    /// </summary>
    internal static (string Name, long Value, Version Since)[] For(Architecture architecture) =>
    [
        ("ACCESS_DEFAULT", (long)MapAccess.Default, EverySupportedVersion),
        ("ACCESS_READ", (long)MapAccess.Read, EverySupportedVersion),
        ("ACCESS_WRITE", (long)MapAccess.Write, EverySupportedVersion),
        ("ACCESS_COPY", (long)MapAccess.Copy, EverySupportedVersion),
        ("PAGESIZE", MemoryMap.PageSize, EverySupportedVersion),
        ("ALLOCATIONGRANULARITY", MemoryMap.AllocationGranularity, EverySupportedVersion),
        ("PROT_READ", (long)MapProtection.Read, EverySupportedVersion),
        ("PROT_WRITE", (long)MapProtection.Write, EverySupportedVersion),
        ("PROT_EXEC", (long)MapProtection.Execute, EverySupportedVersion),
        ("MAP_SHARED", (long)MapFlags.Shared, EverySupportedVersion),
        ("MAP_PRIVATE", (long)MapFlags.Private, EverySupportedVersion),
        ("MAP_ANON", (long)MapFlags.Anonymous, EverySupportedVersion),
        ("MAP_ANONYMOUS", (long)MapFlags.Anonymous, EverySupportedVersion),
        ("MAP_DENYWRITE", (long)MapFlags.DenyWrite, EverySupportedVersion),
        ("MAP_EXECUTABLE", (long)MapFlags.Executable, EverySupportedVersion),
        ("MAP_POPULATE", (long)MapFlags.Populate, EverySupportedVersion),
        ("MAP_STACK", (long)MapFlags.Stack, Python311),
        .. architecture == Architecture.X64 ? [("MAP_32BIT", (long)MapFlags.Map32Bit, Python313)] : Array.Empty<(string, long, Version)>(),
        ("MAP_NORESERVE", (long)MapFlags.NoReserve, Python313),
        ("MADV_NORMAL", (long)MemoryAdvice.Normal, EverySupportedVersion),
        ("MADV_RANDOM", (long)MemoryAdvice.Random, EverySupportedVersion),
        ("MADV_SEQUENTIAL", (long)MemoryAdvice.Sequential, EverySupportedVersion),
        ("MADV_WILLNEED", (long)MemoryAdvice.WillNeed, EverySupportedVersion),
        ("MADV_DONTNEED", (long)MemoryAdvice.DontNeed, EverySupportedVersion),
        ("MADV_FREE", (long)MemoryAdvice.Free, EverySupportedVersion),
        ("MADV_REMOVE", (long)MemoryAdvice.Remove, EverySupportedVersion),
        ("MADV_DONTFORK", (long)MemoryAdvice.DontFork, EverySupportedVersion),
        ("MADV_DOFORK", (long)MemoryAdvice.DoFork, EverySupportedVersion),
        ("MADV_MERGEABLE", (long)MemoryAdvice.Mergeable, EverySupportedVersion),
        ("MADV_UNMERGEABLE", (long)MemoryAdvice.Unmergeable, EverySupportedVersion),
        ("MADV_HUGEPAGE", (long)MemoryAdvice.HugePage, EverySupportedVersion),
        ("MADV_NOHUGEPAGE", (long)MemoryAdvice.NoHugePage, EverySupportedVersion),
        ("MADV_DONTDUMP", (long)MemoryAdvice.DontDump, EverySupportedVersion),
        ("MADV_DODUMP", (long)MemoryAdvice.DoDump, EverySupportedVersion),
        ("MADV_HWPOISON", (long)MemoryAdvice.HardwarePoison, EverySupportedVersion),
    ];
}
