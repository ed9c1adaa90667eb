using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MmapNet.Conformance.Cases;
using MmapNet.Conformance.Running;
using MmapNet.Conformance.Transcripts;
using NUnit.Framework;

namespace MmapNet.Conformance.Tests;

/// <summary>
/// Cases that misbehave (conformance/fixtures/misbehaving) do not stop or hang a run, and are reported for what they did.
/// All run mmap against mmap on the newest interpreter.
/// </summary>
[TestFixture]
public sealed class RobustnessTests
{
    private static readonly TimeSpan s_shortTimeout = TimeSpan.FromSeconds(3);

    [Test]
    public async Task AHangingCaseTimesOutAndItsChildProcessIsKilled()
    {
        Stopwatch stopwatch = Stopwatch.StartNew();
        CaseResult result = await Run("process/hangs_with_a_child", s_shortTimeout);
        stopwatch.Stop();

        string stdout = result.Implementation.Transcript!.Stdout;
        int childPid = int.Parse(stdout.Split(':')[1].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(CaseOutcome.TimedOut));
            Assert.That(result.Message, Is.EqualTo("both sides: timed out after 3 s (process tree killed)"));
            Assert.That(stdout, Does.StartWith("child pid: "), "output printed before the kill is kept");
            Assert.That(IsGone(childPid), Is.True, $"child process {childPid} still runs");

            // Two sides of 3 s each, plus start-up: far from the case's own 600 s.
            Assert.That(stopwatch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(30)));
        });
    }

    [Test]
    public async Task AChildThatKeepsTheOutputOpenDoesNotHoldUpTheRun()
    {
        Stopwatch stopwatch = Stopwatch.StartNew();
        CaseResult result = await Run("process/leaves_a_child_holding_stdout");
        stopwatch.Stop();

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(CaseOutcome.Passed), result.Describe());
            Assert.That(result.Reference.Transcript!.Stdout, Is.EqualTo("parent done\n"));
            Assert.That(result.Reference.Transcript.Stderr, Does.EndWith(Transcript.AbandonedOutputNote));

            // Each side waits out the 5 s grace period, not the child's 20 s.
            Assert.That(stopwatch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(19)));
        });
    }

    [Test]
    public async Task MegabytesOfOutputAreCountedNotKept()
    {
        Stopwatch stopwatch = Stopwatch.StartNew();
        CaseResult result = await Run("output/floods_stdout");
        stopwatch.Stop();

        Transcript transcript = result.Reference.Transcript!;
        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(CaseOutcome.Passed), result.Describe());
            Assert.That(transcript.StdoutTruncated, Is.True);
            Assert.That(transcript.StdoutBytes, Is.EqualTo((64L * 1024 * 1024) + "done\n".Length));
            Assert.That(transcript.Stdout, Has.Length.EqualTo(1024 * 1024));
            Assert.That(transcript.ComparableText, Does.Contain("[stdout cut off: 67108869 bytes in all]"));
            Assert.That(stopwatch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(60)));
        });
    }

    [Test]
    public async Task StderrIsDrainedWhileTheCaseRuns()
    {
        CaseResult result = await Run("output/floods_stderr", s_shortTimeout * 5);

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(CaseOutcome.Passed), result.Describe());
            Assert.That(result.Reference.Transcript!.Stdout, Is.EqualTo("done\n"));
            Assert.That(result.Reference.Transcript.StderrBytes, Is.EqualTo(16L * 1024 * 1024));
        });
    }

    [Test]
    public async Task ACaseThatKillsItselfIsReportedAsKilledBySignal()
    {
        CaseResult result = await Run("process/kills_itself");

        Assert.Multiple(() =>
        {
            // The same death on both sides is the same behaviour.
            Assert.That(result.Outcome, Is.EqualTo(CaseOutcome.Passed), result.Describe());
            Assert.That(result.Implementation.Transcript!.Termination, Is.EqualTo(Termination.Signal(9)));
            Assert.That(result.Implementation.Transcript.Stdout, Is.EqualTo("before the signal\n"));
        });
    }

    [TestCase("process/exits_with_code", 3)]
    [TestCase("process/exits_with_code_above_128", 139)]
    public async Task AnExitCodeIsAnExitCode(string caseId, int exitCode)
    {
        CaseResult result = await Run(caseId);

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(CaseOutcome.Passed), result.Describe());
            Assert.That(result.Implementation.Transcript!.Termination, Is.EqualTo(Termination.Exit(exitCode)));
        });
    }

    [Test]
    public async Task WarningsOnStderrAreKeptButNotCompared()
    {
        CaseResult result = await Run("output/warns_on_stderr");

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(CaseOutcome.Passed), result.Describe());
            Assert.That(result.Implementation.Transcript!.Stderr, Does.Contain("UserWarning: a warning that is not part of the transcript"));
            Assert.That(result.Implementation.Transcript.FinalException, Is.Null);
            Assert.That(result.Implementation.Transcript.ComparableText, Does.Not.Contain("UserWarning"));
        });
    }

    [Test]
    public async Task OutputThatIsNotUtf8StaysComparable()
    {
        CaseResult result = await Run("output/not_utf8");

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(CaseOutcome.Passed), result.Describe());
            Assert.That(result.Reference.Transcript!.StdoutIsUtf8, Is.False);
            Assert.That(result.Reference.Transcript.Stdout, Is.EqualTo("caf\u00e9\n"));
        });
    }

    [Test]
    public async Task ANondeterministicCaseDiffersEvenAgainstItself()
    {
        CaseResult result = await Run("process/prints_random_bytes");

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(CaseOutcome.Differing));
            Assert.That(result.Diff, Does.StartWith("--- reference (mmap)\n+++ implementation (mmap)\n@@ "));
        });
    }

    [Test]
    public async Task OneMisbehavingCaseDoesNotStopTheOthers()
    {
        IReadOnlyList<ConformanceCase> cases = CaseCatalog.Discover(TestEnvironment.Layout.MisbehavingCasesFolder);
        ConformanceRunner runner = new(TestEnvironment.Settings(RunSettings.ReferenceModule, s_shortTimeout));

        (IReadOnlyList<ImplementationCheck> _, IReadOnlyList<CaseResult>? results) = await runner.RunAllAsync(new[] { TestEnvironment.Newest }, cases, null, CancellationToken.None);

        Assert.That(
            results.Select(r => (r.Case.Id, r.Outcome)),
            Is.EqualTo(cases.Select(c => (c.Id, c.Id switch
            {
                "process/hangs_with_a_child" => CaseOutcome.TimedOut,
                "process/prints_random_bytes" => CaseOutcome.Differing,
                _ => CaseOutcome.Passed,
            }))));
    }

    // A killed process whose parent died first is reparented and stays a zombie until its new parent reaps it: dead either way.
    // SIGKILL is delivered asynchronously, so allow it a moment.
    private static bool IsGone(int pid)
    {
        DateTime deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            string stat;
            try
            {
                stat = File.ReadAllText($"/proc/{pid}/stat");
            }
            catch (IOException)
            {
                return true; // reaped: no such process
            }

            // "pid (comm) S ...": the state is the first field after the command name's closing parenthesis.
            string state = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[0];
            if (state is "Z" or "X")
            {
                return true;
            }

            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            Thread.Sleep(100);
        }
    }

    private static Task<CaseResult> Run(string caseId, TimeSpan? timeout = null)
    {
        ConformanceCase conformanceCase = CaseCatalog.Discover(TestEnvironment.Layout.MisbehavingCasesFolder).Single(c => c.Id == caseId);
        ConformanceRunner runner = new(TestEnvironment.Settings(RunSettings.ReferenceModule, timeout));
        return runner.RunCaseAsync(TestEnvironment.Newest, conformanceCase, CancellationToken.None);
    }
}
