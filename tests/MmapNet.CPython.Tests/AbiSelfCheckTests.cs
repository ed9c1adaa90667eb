using System;
using MmapNet.CPython.Abi;
using NUnit.Framework;

namespace MmapNet.CPython.Tests;

/// <summary>
/// The import-time judgement of an interpreter (AbiSelfCheck.Judge), from facts an interpreter could report: the
/// builds that cannot be run here (free-threaded, Py_TRACE_REFS, a layout that moved) and versions outside the range.
/// The real interpreters' facts are judged at every import; a faked version is refused in MmapNet.Guest.Tests.
/// </summary>
[TestFixture]
public sealed class AbiSelfCheckTests
{
    private static readonly string s_supported = $"mmapnet supports CPython {MmapNet.CPython.SupportedPythons.Range} as built by default (with the GIL); ";

    [TestCase("3.10.0")]
    [TestCase("3.11.2")]
    [TestCase("3.12.1")]
    [TestCase("3.13.9")]
    public void AStandardBuildOfASupportedVersion_IsAccepted(string version) =>
        Assert.That(AbiSelfCheck.Judge(new InterpreterFacts(Version.Parse(version), "", false, [])), Is.Null);

    [TestCase("3.9.18")]
    [TestCase("3.14.0")]
    [TestCase("3.15.0")]
    public void AVersionOutsideTheRange_IsRefusedByName(string version) =>
        Assert.That(AbiSelfCheck.Judge(new InterpreterFacts(Version.Parse(version), "", false, [])), Is.EqualTo(s_supported + "this is a CPython " + version));

    [Test]
    public void AFreeThreadedBuild_IsRefusedAsSuch() =>
        Assert.That(
            AbiSelfCheck.Judge(new InterpreterFacts(new Version(3, 13, 0), "t", false, [])),
            Is.EqualTo(s_supported + "this is a free-threaded CPython 3.13.0 (abiflags 't'), whose objects are laid out differently"));

    [Test]
    public void ATraceRefsBuild_IsRefusedAsSuch() =>
        Assert.That(
            AbiSelfCheck.Judge(new InterpreterFacts(new Version(3, 12, 1), "d", true, [])),
            Is.EqualTo(s_supported + "this is a Py_TRACE_REFS CPython 3.12.1 (abiflags 'd'), whose objects are laid out differently"));

    [Test]
    public void ALayoutThatMoved_IsRefusedNamingWhatMoved() =>
        Assert.That(
            AbiSelfCheck.Judge(new InterpreterFacts(new Version(3, 11, 7), "", false, ["ob_type", "PySliceObject"])),
            Is.EqualTo(s_supported + "this is a CPython 3.11.7, whose objects are not laid out as mmapnet reads them (ob_type; PySliceObject)"));

    [Test]
    public void AFreeThreadedBuildOfAnUnknownVersion_IsRefusedForBoth() =>
        Assert.That(
            AbiSelfCheck.Judge(new InterpreterFacts(new Version(3, 14, 0), "t", false, [])),
            Is.EqualTo(s_supported + "this is a free-threaded CPython 3.14.0 (abiflags 't')"));
}
