using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MmapNet.Arm64.Tests.Support;
using NUnit.Framework;

namespace MmapNet.Arm64.Tests;

/// <summary>
/// <c>dotnet publish src/MmapNet.CPython.NativeAot -c Release -r linux-arm64</c> on this x86-64 machine (the README's
/// command): an AArch64 extension module that exports CPython's init function and needs nothing but the C library.
/// </summary>
[TestFixture]
public sealed class CrossBuildTests
{
    [Test]
    public void NativeAotModule_IsAnAarch64ExtensionModule()
    {
        string module = Path.Combine(Arm64NativeAotBuild.Folder, "_mmapnet.so");
        string header = Tool.RunChecked("aarch64-linux-gnu-readelf", ["--file-header", "--dynamic", module]).Stdout;
        string symbols = Tool.RunChecked("aarch64-linux-gnu-nm", ["--dynamic", "--defined-only", module]).Stdout;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(header, Does.Match(@"Machine:\s+AArch64"));
            Assert.That(header, Does.Match(@"Type:\s+DYN"));
            Assert.That(symbols, Does.Match(@"\bT PyInit__mmapnet\b"), "exports the module's init function");
            // One binary for every CPython: no libpython, only the C library (libc, libm, the dynamic loader).
            Assert.That(
                System.Text.RegularExpressions.Regex.Matches(header, @"\(NEEDED\)\s+Shared library: \[([^\]]+)\]").Select(m => m.Groups[1].Value).Order(),
                Is.EqualTo(new[] { "ld-linux-aarch64.so.1", "libc.so.6", "libm.so.6" }));
        }
    }

    [Test]
    public void NativeAotModule_LoadsOnKernelsWithPagesUpTo64KiB()
    {
        // The dynamic loader maps each LOAD segment at its alignment; one aligned to less than the kernel's page size does
        // not load ("ELF load command address/offset not page-aligned"). ARM64 kernels run with 4, 16 or 64 KiB pages, so
        // the module's segments must be aligned to 64 KiB (the AArch64 linker's default max-page-size).
        string module = Path.Combine(Arm64NativeAotBuild.Folder, "_mmapnet.so");
        string segments = Tool.RunChecked("aarch64-linux-gnu-readelf", ["--program-headers", "--wide", module]).Stdout;
        List<long> alignments = System.Text.RegularExpressions.Regex.Matches(segments, @"^\s*LOAD\s.*\s0x([0-9a-f]+)\s*$", System.Text.RegularExpressions.RegexOptions.Multiline)
            .Select(m => Convert.ToInt64(m.Groups[1].Value, 16))
            .ToList();

        Assert.That(alignments, Is.Not.Empty.And.All.GreaterThanOrEqualTo(65536), segments);
    }
}
