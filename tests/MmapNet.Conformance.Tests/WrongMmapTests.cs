using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MmapNet.Conformance.Cases;
using MmapNet.Conformance.Running;
using MmapNet.Conformance.Stdlib;
using MmapNet.Discovery;
using NUnit.Framework;

namespace MmapNet.Conformance.Tests;

/// <summary>
/// The deliberately wrong implementation (conformance/fixtures/wrongmmap.py) is caught case by case: each broken behaviour
/// shows up, with the expected outcome and diff, in the fixture cases that cover it, and the cases that touch none of them
/// still pass.
/// </summary>
[TestFixture]
public sealed class WrongMmapTests
{
    private const string WrongModule = "wrongmmap";

    // A hanging flush() is cut off after this; short, since the reference side of that case takes milliseconds.
    private static readonly TimeSpan s_caseTimeout = TimeSpan.FromSeconds(5);

    // Each broken behaviour of wrongmmap, the fixture cases that cover it, the outcome they must get, and lines the diff must
    // hold ('-' from the reference, '+' from wrongmmap).
    private static readonly Expectation[] s_expectations =
    {
        new("find_ignores_position", "find/find_default_start_is_position", CaseOutcome.Differing,
            "-find from position 2: 3", "+find from position 2: 0"),
        new("read_byte_returns_bytes", "read/read_byte_returns_int", CaseOutcome.Differing, "-int 65", "+bytes b'A'"),
        new("seek_error_message", "seek/seek_out_of_range_message", CaseOutcome.Differing,
            "-ValueError: seek out of range", "+ValueError: position out of range"),
        new("seek_error_message", "seek/seek_out_of_range_uncaught", CaseOutcome.Differing,
            " === exception ===\n-ValueError: seek out of range\n+ValueError: position out of range"),
        new("repr_differs", "repr/repr_of_open_and_closed_map", CaseOutcome.Differing,
            "+<mmap.mmap closed=False, length=16, pos=0>"),
        new("resize_crashes", "resize/resize_anonymous_map", CaseOutcome.Crashed,
            "-after: 32", "-exit code 0", "+killed by signal 11 (SIGSEGV)"),
        new("flush_hangs", "flush/flush_file_map", CaseOutcome.TimedOut,
            "-flush returned: None", "+timed out after 5 s (process tree killed)"),
    };

    private static readonly ConcurrentDictionary<string, Lazy<Task<IReadOnlyList<CaseResult>>>> s_resultsByInterpreter = new();

    public static IEnumerable<TestCaseData> BrokenBehaviours() =>
        from interpreter in TestEnvironment.Interpreters
        from expectation in s_expectations
        select new TestCaseData(interpreter.Label, expectation.CaseId)
            .SetArgDisplayNames(interpreter.Label, expectation.Behaviour, expectation.CaseId);

    public static IEnumerable<TestCaseData> Interpreters() =>
        TestEnvironment.Interpreters.Select(i => new TestCaseData(i.Label).SetArgDisplayNames(i.Label));

    [TestCaseSource(nameof(BrokenBehaviours))]
    public async Task EachBrokenBehaviourIsCaughtByTheCasesThatCoverIt(string interpreterLabel, string caseId)
    {
        Expectation expectation = s_expectations.Single(e => e.CaseId == caseId);
        CaseResult result = (await ResultsOn(interpreterLabel)).Single(r => r.Case.Id == caseId);

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(expectation.Outcome), result.Describe());
            Assert.That(result.Implementation.ServedBy, Does.StartWith("wrongmmap ("));
            foreach (string line in expectation.DiffLines)
            {
                Assert.That(result.Diff, Does.Contain(line), result.Describe());
            }
        });
    }

    [TestCaseSource(nameof(Interpreters))]
    public async Task CasesThatTouchNoBrokenBehaviourPass(string interpreterLabel)
    {
        HashSet<string> covered = s_expectations.Select(e => e.CaseId).ToHashSet(StringComparer.Ordinal);
        List<CaseResult> others = (await ResultsOn(interpreterLabel)).Where(r => !covered.Contains(r.Case.Id)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(others.Select(r => r.Case.Area).Distinct(), Is.EqualTo(new[] { "neutral" }));
            foreach (CaseResult? result in others)
            {
                Assert.That(result.Outcome, Is.EqualTo(CaseOutcome.Passed), result.Describe());
            }
        });
    }

    [Test]
    public async Task EveryBehaviourWrongmmapBreaksHasACase()
    {
        // Ask wrongmmap itself, so that a behaviour broken later without a case here fails this test.
        string probe = await PythonSnippet.RunAsync(
            TestEnvironment.Newest,
            "import wrongmmap; print('\\n'.join(sorted(wrongmmap.BROKEN_BEHAVIOURS)))",
            TestEnvironment.Layout.FixturesFolder);

        Assert.That(
            probe.Split('\n', StringSplitOptions.RemoveEmptyEntries),
            Is.EquivalentTo(s_expectations.Select(e => e.Behaviour).Distinct()));
    }

    [Test]
    public async Task TestMmapNoticesTheWrongImplementation()
    {
        RunSettings settings = TestEnvironment.Settings(WrongModule) with { StdlibTestTimeout = TimeSpan.FromSeconds(120) };
        PythonInterpreter interpreter = TestEnvironment.Interpreters.Last(i => i.HasStdlibMmapTests);

        StdlibTestComparison comparison = await new StdlibTestRunner(settings).CompareAsync(interpreter, CancellationToken.None);

        // resize() kills the process, so the implementation's run dies in the first test that resizes.
        Assert.Multiple(() =>
        {
            Assert.That(comparison.Conforms, Is.False);
            Assert.That(comparison.Reference.Report, Is.Not.Null);
            Assert.That(comparison.Implementation.Termination?.ToString(), Is.EqualTo("killed by signal 11 (SIGSEGV)"));
            Assert.That(comparison.ChangedTests.Select(c => c.Implementation), Does.Contain(UnittestReport.Unfinished));
        });
    }

    private static Task<IReadOnlyList<CaseResult>> ResultsOn(string interpreterLabel) =>
        s_resultsByInterpreter.GetOrAdd(interpreterLabel, label => new Lazy<Task<IReadOnlyList<CaseResult>>>(async () =>
        {
            ConformanceRunner runner = new(TestEnvironment.Settings(WrongModule, s_caseTimeout));
            (IReadOnlyList<ImplementationCheck> _, IReadOnlyList<CaseResult>? results) = await runner.RunAllAsync(
                new[] { TestEnvironment.Interpreter(label) },
                CaseCatalog.Discover(TestEnvironment.Layout.FixtureCasesFolder),
                null,
                CancellationToken.None);
            return results;
        })).Value;

    private sealed record Expectation(string Behaviour, string CaseId, CaseOutcome Outcome, params string[] DiffLines);
}
