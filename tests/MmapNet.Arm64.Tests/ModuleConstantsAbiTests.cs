using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.InteropServices;
using MmapNet.CPython;
using MmapNet.TestSupport;
using NUnit.Framework;

namespace MmapNet.Arm64.Tests;

/// <summary>
/// The module's MAP_*, MADV_* and PROT_* constants for each architecture against what CPython 3.13's mmap adds there: its
/// <c>#ifdef</c> list evaluated with that architecture's glibc headers (tests/Shared/linux_abi_probe.c). No arm64 CPython 3.13
/// runs here (Debian 12 has 3.11), so this is how the 3.13 names on AArch64 are checked: MAP_32BIT must be absent there.
/// </summary>
[TestFixture]
public sealed class ModuleConstantsAbiTests
{
    private static readonly Version s_python313 = new(3, 13);

    private static Architecture[] Architectures => LinuxAbi.Architectures;

    [TestCaseSource(nameof(Architectures))]
    public void FlagConstants_AreExactlyThoseCPython313HasOnTheArchitecture(Architecture architecture)
    {
        List<string> cpython = LinuxAbi.Of(architecture).ModuleConstants.Select(c => $"{c.Name}={c.Value}").Order(StringComparer.Ordinal).ToList();
        List<string> mmapnet = ModuleConstants.For(architecture)
            .Where(c => c.Since <= s_python313 && (c.Name.StartsWith("MAP_", StringComparison.Ordinal) ||
                                                 c.Name.StartsWith("MADV_", StringComparison.Ordinal) ||
                                                 c.Name.StartsWith("PROT_", StringComparison.Ordinal)))
            .Select(c => $"{c.Name}={c.Value}")
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.That(mmapnet, Is.EqualTo(cpython), $"the module's flag constants on {architecture} (3.13)");
    }
}
