using System;
using System.Runtime.InteropServices;

namespace MmapNet.CPython;

/// <summary>
/// The integer constants of the stdlib mmap module on Linux, with the version that introduced each:
/// the module exposes exactly the names the running interpreter's own mmap has.
/// </summary>
internal static class ModuleConstants
{
    private static readonly Version s_python310 = new(3, 10);
    private static readonly Version s_python311 = new(3, 11);
    private static readonly Version s_python313 = new(3, 13);

    /// <summary>Every constant of this process's architecture: name, value, first version that has it.</summary>
    public static (string Name, long Value, Version Since)[] All { get; } = For(RuntimeInformation.ProcessArchitecture);

    /// <summary>
    /// The constants CPython's mmap has on Linux on <paramref name="architecture"/>. They differ in one name: CPython
    /// adds each MAP_* and MADV_* under <c>#ifdef</c>, and glibc defines <c>MAP_32BIT</c> on x86-64 only. The values
    /// are the same on x86-64 and AArch64 (both use the kernel's generic mman and errno numbers for these).
    /// </summary>
    internal static (string Name, long Value, Version Since)[] For(Architecture architecture) =>
    [
        ("ACCESS_DEFAULT", (long)MapAccess.Default, s_python310),
        ("ACCESS_READ", (long)MapAccess.Read, s_python310),
        ("ACCESS_WRITE", (long)MapAccess.Write, s_python310),
        ("ACCESS_COPY", (long)MapAccess.Copy, s_python310),
        ("PAGESIZE", MemoryMap.PageSize, s_python310),
        ("ALLOCATIONGRANULARITY", MemoryMap.AllocationGranularity, s_python310),
        ("PROT_READ", (long)MapProtection.Read, s_python310),
        ("PROT_WRITE", (long)MapProtection.Write, s_python310),
        ("PROT_EXEC", (long)MapProtection.Execute, s_python310),
        ("MAP_SHARED", (long)MapFlags.Shared, s_python310),
        ("MAP_PRIVATE", (long)MapFlags.Private, s_python310),
        ("MAP_ANON", (long)MapFlags.Anonymous, s_python310),
        ("MAP_ANONYMOUS", (long)MapFlags.Anonymous, s_python310),
        ("MAP_DENYWRITE", (long)MapFlags.DenyWrite, s_python310),
        ("MAP_EXECUTABLE", (long)MapFlags.Executable, s_python310),
        ("MAP_POPULATE", (long)MapFlags.Populate, s_python310),
        ("MAP_STACK", (long)MapFlags.Stack, s_python311),
        .. architecture == Architecture.X64 ? [("MAP_32BIT", (long)MapFlags.Map32Bit, s_python313)] : Array.Empty<(string, long, Version)>(),
        ("MAP_NORESERVE", (long)MapFlags.NoReserve, s_python313),
        ("MADV_NORMAL", (long)MemoryAdvice.Normal, s_python310),
        ("MADV_RANDOM", (long)MemoryAdvice.Random, s_python310),
        ("MADV_SEQUENTIAL", (long)MemoryAdvice.Sequential, s_python310),
        ("MADV_WILLNEED", (long)MemoryAdvice.WillNeed, s_python310),
        ("MADV_DONTNEED", (long)MemoryAdvice.DontNeed, s_python310),
        ("MADV_FREE", (long)MemoryAdvice.Free, s_python310),
        ("MADV_REMOVE", (long)MemoryAdvice.Remove, s_python310),
        ("MADV_DONTFORK", (long)MemoryAdvice.DontFork, s_python310),
        ("MADV_DOFORK", (long)MemoryAdvice.DoFork, s_python310),
        ("MADV_MERGEABLE", (long)MemoryAdvice.Mergeable, s_python310),
        ("MADV_UNMERGEABLE", (long)MemoryAdvice.Unmergeable, s_python310),
        ("MADV_HUGEPAGE", (long)MemoryAdvice.HugePage, s_python310),
        ("MADV_NOHUGEPAGE", (long)MemoryAdvice.NoHugePage, s_python310),
        ("MADV_DONTDUMP", (long)MemoryAdvice.DontDump, s_python310),
        ("MADV_DODUMP", (long)MemoryAdvice.DoDump, s_python310),
        ("MADV_HWPOISON", (long)MemoryAdvice.HardwarePoison, s_python310),
    ];
}
