using System.Collections.Generic;
using System.Linq;
using System.Runtime.InteropServices;
using MmapNet.Interop;
using MmapNet.TestSupport;

namespace MmapNet.Tests;

// The numbers of the C library that the core writes down (struct stat's layout, sysconf, fcntl, msync, mremap and errno
// values, the mmap/madvise flags), against each architecture's own glibc headers: x86-64 and AArch64 are both checked on
// any machine, so the layout of the other architecture cannot go wrong unseen (tests/Shared/linux_abi_probe.c).
public class LinuxAbiTests
{
    private static Architecture[] Architectures => LinuxAbi.Architectures;

    [TestCaseSource(nameof(Architectures))]
    public void FileStatusLayout_IsGlibcsStructStat(Architecture architecture)
    {
        LinuxAbi abi = LinuxAbi.Of(architecture);
        (int modeOffset, int sizeOffset) = FileStatus.Layout(architecture);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(modeOffset, Is.EqualTo(abi.Abi["stat.st_mode"]), "offsetof(struct stat, st_mode)");
            Assert.That(sizeOffset, Is.EqualTo(abi.Abi["stat.st_size"]), "offsetof(struct stat, st_size)");
            Assert.That(abi.Abi["stat.sizeof"], Is.LessThanOrEqualTo(FileStatus.BufferSize), "sizeof(struct stat) fits fstat's buffer");
        }
    }

    [TestCaseSource(nameof(Architectures))]
    public void LibcConstants_AreGlibcs(Architecture architecture)
    {
        LinuxAbi abi = LinuxAbi.Of(architecture);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(abi.Abi["_SC_PAGESIZE"], Is.EqualTo(Libc.ScPageSize), "_SC_PAGESIZE");
            Assert.That(abi.Abi["F_DUPFD_CLOEXEC"], Is.EqualTo(Libc.FDupFdCloexec), "F_DUPFD_CLOEXEC");
            Assert.That(abi.Abi["MS_SYNC"], Is.EqualTo(Libc.MsSync), "MS_SYNC");
            Assert.That(abi.Abi["MREMAP_MAYMOVE"], Is.EqualTo(Libc.MremapMayMove), "MREMAP_MAYMOVE");
            Assert.That(abi.Abi["S_IFMT"], Is.EqualTo(Libc.SIfmt), "S_IFMT");
            Assert.That(abi.Abi["S_IFREG"], Is.EqualTo(Libc.SIfreg), "S_IFREG");
            Assert.That(abi.Abi["EFAULT"], Is.EqualTo(Libc.Efault), "EFAULT");
            Assert.That(abi.Abi["EINVAL"], Is.EqualTo(Libc.Einval), "EINVAL");
            Assert.That(abi.Abi["ENOMEM"], Is.EqualTo(Libc.Enomem), "ENOMEM");
        }
    }

    // Every flag the enums name has the header's value on both architectures; MAP_32BIT, which AArch64's headers do not
    // define, is checked on x86-64 only (the CPython face leaves it out of the module there).
    [TestCaseSource(nameof(Architectures))]
    public void EnumValues_AreTheHeadersValues(Architecture architecture)
    {
        Dictionary<string, long> header = LinuxAbi.Of(architecture).ModuleConstants.ToDictionary(c => c.Name, c => c.Value);
        (string Name, long Value)[] named = new (string Name, long Value)[]
        {
            ("PROT_READ", (long)MapProtection.Read), ("PROT_WRITE", (long)MapProtection.Write), ("PROT_EXEC", (long)MapProtection.Execute),
            ("MAP_SHARED", (long)MapFlags.Shared), ("MAP_PRIVATE", (long)MapFlags.Private), ("MAP_ANONYMOUS", (long)MapFlags.Anonymous),
            ("MAP_DENYWRITE", (long)MapFlags.DenyWrite), ("MAP_EXECUTABLE", (long)MapFlags.Executable),
            ("MAP_NORESERVE", (long)MapFlags.NoReserve), ("MAP_POPULATE", (long)MapFlags.Populate), ("MAP_STACK", (long)MapFlags.Stack),
            ("MADV_NORMAL", (long)MemoryAdvice.Normal), ("MADV_RANDOM", (long)MemoryAdvice.Random),
            ("MADV_SEQUENTIAL", (long)MemoryAdvice.Sequential), ("MADV_WILLNEED", (long)MemoryAdvice.WillNeed),
            ("MADV_DONTNEED", (long)MemoryAdvice.DontNeed), ("MADV_FREE", (long)MemoryAdvice.Free), ("MADV_REMOVE", (long)MemoryAdvice.Remove),
            ("MADV_DONTFORK", (long)MemoryAdvice.DontFork), ("MADV_DOFORK", (long)MemoryAdvice.DoFork),
            ("MADV_MERGEABLE", (long)MemoryAdvice.Mergeable), ("MADV_UNMERGEABLE", (long)MemoryAdvice.Unmergeable),
            ("MADV_HUGEPAGE", (long)MemoryAdvice.HugePage), ("MADV_NOHUGEPAGE", (long)MemoryAdvice.NoHugePage),
            ("MADV_DONTDUMP", (long)MemoryAdvice.DontDump), ("MADV_DODUMP", (long)MemoryAdvice.DoDump),
            ("MADV_HWPOISON", (long)MemoryAdvice.HardwarePoison),
        };
        if (architecture == Architecture.X64)
        {
            named = [.. named, ("MAP_32BIT", (long)MapFlags.Map32Bit)];
        }

        using (Assert.EnterMultipleScope())
        {
            foreach ((string name, long value) in named)
            {
                Assert.That(header.TryGetValue(name, out long expected) ? expected : (long?)null, Is.EqualTo(value), $"{name} on {architecture}");
            }

            Assert.That(header.ContainsKey("MAP_32BIT"), Is.EqualTo(architecture == Architecture.X64), "MAP_32BIT is x86-64's alone");
        }
    }
}
