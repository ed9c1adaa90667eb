using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using MmapNet.Conformance.Cases;
using MmapNet.Conformance.Running;
using MmapNet.Conformance.Stdlib;
using NUnit.Framework;

namespace MmapNet.Conformance.Tests;

/// <summary>
/// CPython against itself (<c>--impl mmap</c>) must show no difference on any interpreter: proof that transcripts are
/// deterministic and that the two sides really differ only in the module.
/// </summary>
[TestFixture]
public sealed class ReferenceSelfCheckTests
{
    public static IEnumerable<TestCaseData> Interpreters() =>
        TestEnvironment.Interpreters.Select(i => new TestCaseData(i.Label).SetArgDisplayNames(i.Label));

    public static IEnumerable<TestCaseData> InterpretersWithTestMmap() =>
        TestEnvironment.Interpreters.Where(i => i.HasStdlibMmapTests)
            .Select(i => new TestCaseData(i.Label).SetArgDisplayNames(i.Label));

    [TestCaseSource(nameof(Interpreters))]
    public async Task EveryCaseConformsWhenMmapIsComparedWithItself(string interpreterLabel)
    {
        // The runner's fixture cases and the real suite (whatever of it exists).
        List<ConformanceCase> cases = CaseCatalog.Discover(TestEnvironment.Layout.FixtureCasesFolder)
            .Concat(CaseCatalog.Discover(TestEnvironment.Layout.CasesFolder))
            .ToList();
        ConformanceRunner runner = new(TestEnvironment.Settings(RunSettings.ReferenceModule));

        (IReadOnlyList<ImplementationCheck>? checks, IReadOnlyList<CaseResult>? results) = await runner.RunAllAsync(
            new[] { TestEnvironment.Interpreter(interpreterLabel) }, cases, null, TestContext.CurrentContext.CancellationToken);

        List<string> failures = results.Where(r => r.Outcome != CaseOutcome.Passed).Select(r => r.Describe()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(checks.Single().Error, Is.Null);
            Assert.That(results, Has.Count.EqualTo(cases.Count));
            Assert.That(failures, Is.Empty, string.Join("\n", failures));
        });
    }

    [TestCaseSource(nameof(InterpretersWithTestMmap))]
    public async Task TestMmapGivesTheSameResultsWhenMmapIsComparedWithItself(string interpreterLabel)
    {
        StdlibTestRunner runner = new(TestEnvironment.Settings(RunSettings.ReferenceModule));

        StdlibTestComparison comparison = await runner.CompareAsync(
            TestEnvironment.Interpreter(interpreterLabel), TestContext.CurrentContext.CancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(comparison.Reference.Report, Is.Not.Null, comparison.Reference.Error ?? comparison.Reference.OutputTail);
            Assert.That(comparison.Reference.Report!.Ran, Is.GreaterThan(0));
            Assert.That(comparison.Reference.Report.Passed, Is.GreaterThan(0));
            Assert.That(
                comparison.Reference.TestResults.Values.Count(r => r == "ok"),
                Is.EqualTo(comparison.Reference.Report.Passed));
            Assert.That(
                comparison.Reference.TestResults.Values.Count(r => r == "skipped"),
                Is.EqualTo(comparison.Reference.Report.Skipped));
            Assert.That(comparison.Conforms, Is.True, string.Join("\n", comparison.ChangedTests));
        });
    }
}
