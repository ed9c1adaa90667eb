using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using MmapNet.Arm64.Tests.Support;
using MmapNet.Conformance;
using MmapNet.Conformance.Cases;
using MmapNet.Conformance.Running;
using MmapNet.Conformance.Stdlib;
using MmapNet.TestSupport;
using NUnit.Framework;
using RepositoryLayout = MmapNet.TestSupport.RepositoryLayout;

namespace MmapNet.Arm64.Tests;

/// <summary>
/// The conformance suite and CPython's test_mmap in Debian's arm64 CPython under qemu-aarch64: the same runner and cases as
/// tests/MmapNet.Conformance.Tests, the interpreter being a configuration's entry, so that the stdlib side (the oracle) and
/// the mmapnet side run in the same emulated process kind, at the same page size. One test per (configuration, case).
/// </summary>
/// <remarks>
/// An emulated Python start costs about 1.5 s (3 s with CoreCLR), so CI runs a subset chosen by what can differ on ARM64
/// (<see cref="QuickCases"/>); the whole suite under emulation is a command of its own, with its time, in docs/arm64.md.
/// test_mmap runs whole in every configuration.
/// </remarks>
[TestFixture]
[Parallelizable(ParallelScope.Children)]
public sealed class EmulatedConformanceTests
{
    // Areas where the architecture shows: the constants, size() (struct stat), maps beyond 4 GiB (64-bit offsets and sizes).
    private static readonly string[] s_architectureAreas = ["constants", "size", "large"];

    private static RunSettings Settings => new()
    {
        Layout = Conformance.RepositoryLayout.Locate(RepositoryLayout.Root),
        ImplementationModule = "mmapnet",
        // Emulated interpreters start slowly, and slower still when the machine is busy.
        CaseTimeout = TimeSpan.FromSeconds(180),
        StdlibTestTimeout = TimeSpan.FromMinutes(10),
    };

    public static IEnumerable<TestCaseData> Pairs()
    {
        IReadOnlyList<ConformanceCase> cases = CaseCatalog.Discover(Conformance.RepositoryLayout.Locate(RepositoryLayout.Root).CasesFolder);
        if (cases.Count == 0)
        {
            // A suite without cases is broken, not passing.
            return [new TestCaseData(Arm64Configuration.All[0], string.Empty).SetName("EmulatedConformance(no cases)")];
        }

        return from configuration in Arm64Configuration.All
               from conformanceCase in QuickCases(configuration, cases)
               select new TestCaseData(configuration, conformanceCase.Id)
                   .SetName($"EmulatedConformance({configuration.Name},{conformanceCase.Id})")
                   .SetCategory(conformanceCase.Area);
    }

    public static IEnumerable<TestCaseData> StdlibCases() =>
        Arm64Configuration.All.Select(c => new TestCaseData(c).SetName($"EmulatedTestMmap({c.Name})"));

    /// <summary>
    /// The cases CI runs in a configuration. At the machine's page size, on the NativeAOT route: every case of the areas
    /// where the architecture shows and every case that depends on the page size (it names PAGESIZE or
    /// ALLOCATIONGRANULARITY). At 64 KiB pages: the page-size cases (16 KiB pages get test_mmap and the import test only:
    /// a size that is right at 64 KiB is right at 16 KiB). On the CoreCLR route, which shares all its code but the loading
    /// with NativeAOT: the constants and size() cases (test_mmap exercises the rest of the module there).
    /// </summary>
    public static IEnumerable<ConformanceCase> QuickCases(Arm64Configuration configuration, IReadOnlyList<ConformanceCase> cases)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(cases);
        return cases.Where(c => (configuration.Route, configuration.PageSize) switch
        {
            (Arm64Route.NativeAot, 0) => s_architectureAreas.Contains(c.Area) || DependsOnPageSize(c),
            (Arm64Route.NativeAot, 65536) => DependsOnPageSize(c),
            (Arm64Route.NativeAot, _) => false,
            _ => c.Area is "constants" or "size",
        });
    }

    private static bool DependsOnPageSize(ConformanceCase conformanceCase)
    {
        string text = File.ReadAllText(conformanceCase.FilePath);
        return text.Contains("PAGESIZE", StringComparison.Ordinal) || text.Contains("ALLOCATIONGRANULARITY", StringComparison.Ordinal);
    }

    [TestCaseSource(nameof(Pairs))]
    public async Task EmulatedConformance(Arm64Configuration configuration, string caseId)
    {
        Assert.That(caseId, Is.Not.Empty, $"no cases under {Settings.Layout.CasesFolder}");
        ConformanceCase conformanceCase = CaseCatalog.Discover(Settings.Layout.CasesFolder).Single(c => c.Id == caseId);

        CaseResult result = await new ConformanceRunner(Settings).RunCaseAsync(
            configuration.Interpreter, conformanceCase, TestContext.CurrentContext.CancellationToken);

        Assert.That(result.Outcome, Is.EqualTo(CaseOutcome.Passed), result.Describe());
    }

    [TestCaseSource(nameof(StdlibCases))]
    public async Task EmulatedTestMmap(Arm64Configuration configuration)
    {
        StdlibTestComparison comparison = await new StdlibTestRunner(Settings).CompareAsync(
            configuration.Interpreter, TestContext.CurrentContext.CancellationToken);

        TestContext.Out.WriteLine($"test_mmap, {configuration.Name}: stdlib {Summary(comparison.Reference)}; mmapnet {Summary(comparison.Implementation)}");
        Assert.That(comparison.Reference.Report, Is.Not.Null, comparison.Reference.Error ?? comparison.Reference.OutputTail);
        Assert.That(comparison.Implementation.Report, Is.Not.Null, comparison.Implementation.Error ?? comparison.Implementation.OutputTail);
        // A run that tested nothing would compare equal: test_mmap passes 36 tests on this interpreter.
        Assert.That(comparison.Reference.Report!.Passed, Is.GreaterThan(30), "the stdlib run exercised the module");
        Assert.That(comparison.ChangedTests, Is.Empty, string.Join('\n', comparison.ChangedTests));
        Assert.That(comparison.Conforms, Is.True, comparison.Implementation.OutputTail);
    }

    private static string Summary(StdlibTestRun run) =>
        run.Report is { } report ? $"{report.Ran} ran, {report.Passed} passed, {report.Skipped} skipped, {report.Failures} failures, {report.Errors} errors" : "no report";
}
