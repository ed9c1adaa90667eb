using System;
using System.Runtime.InteropServices;

namespace MmapNet.CPython;

/// <summary>
/// The integer constants of the stdlib mmap module on Linux, with the version that introduced each:
/// the module exposes exactly the names the running interpreter's own mmap has.
/// </summary>
internal static class ModuleConstants
{
    private static readonly Version Python310 = new(3, 10);
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
        ("ACCESS_DEFAULT", (long)MapAccess.Default, Python310),
        ("ACCESS_READ", (long)MapAccess.Read, Python310),
        ("ACCESS_WRITE", (long)MapAccess.Write, Python310),
        ("ACCESS_COPY", (long)MapAccess.Copy, Python310),
        ("PAGESIZE", MemoryMap.PageSize, Python310),
        ("ALLOCATIONGRANULARITY", MemoryMap.AllocationGranularity, Python310),
        ("PROT_READ", (long)MapProtection.Read, Python310),
        ("PROT_WRITE", (long)MapProtection.Write, Python310),
        ("PROT_EXEC", (long)MapProtection.Execute, Python310),
        ("MAP_SHARED", (long)MapFlags.Shared, Python310),
        ("MAP_PRIVATE", (long)MapFlags.Private, Python310),
        ("MAP_ANON", (long)MapFlags.Anonymous, Python310),
        ("MAP_ANONYMOUS", (long)MapFlags.Anonymous, Python310),
        ("MAP_DENYWRITE", (long)MapFlags.DenyWrite, Python310),
        ("MAP_EXECUTABLE", (long)MapFlags.Executable, Python310),
        ("MAP_POPULATE", (long)MapFlags.Populate, Python310),
        ("MAP_STACK", (long)MapFlags.Stack, Python311),
        .. architecture == Architecture.X64 ? [("MAP_32BIT", (long)MapFlags.Map32Bit, Python313)] : Array.Empty<(string, long, Version)>(),
        ("MAP_NORESERVE", (long)MapFlags.NoReserve, Python313),
        ("MADV_NORMAL", (long)MemoryAdvice.Normal, Python310),
        ("MADV_RANDOM", (long)MemoryAdvice.Random, Python310),
        ("MADV_SEQUENTIAL", (long)MemoryAdvice.Sequential, Python310),
        ("MADV_WILLNEED", (long)MemoryAdvice.WillNeed, Python310),
        ("MADV_DONTNEED", (long)MemoryAdvice.DontNeed, Python310),
        ("MADV_FREE", (long)MemoryAdvice.Free, Python310),
        ("MADV_REMOVE", (long)MemoryAdvice.Remove, Python310),
        ("MADV_DONTFORK", (long)MemoryAdvice.DontFork, Python310),
        ("MADV_DOFORK", (long)MemoryAdvice.DoFork, Python310),
        ("MADV_MERGEABLE", (long)MemoryAdvice.Mergeable, Python310),
        ("MADV_UNMERGEABLE", (long)MemoryAdvice.Unmergeable, Python310),
        ("MADV_HUGEPAGE", (long)MemoryAdvice.HugePage, Python310),
        ("MADV_NOHUGEPAGE", (long)MemoryAdvice.NoHugePage, Python310),
        ("MADV_DONTDUMP", (long)MemoryAdvice.DontDump, Python310),
        ("MADV_DODUMP", (long)MemoryAdvice.DoDump, Python310),
        ("MADV_HWPOISON", (long)MemoryAdvice.HardwarePoison, Python310),
    ];
}
