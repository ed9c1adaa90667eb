using System;
using MmapNet.Conformance.Cases;
using MmapNet.Conformance.Running;
using MmapNet.Conformance.Transcripts;
using MmapNet.Discovery;
using NUnit.Framework;

namespace MmapNet.Conformance.Tests;

/// <summary>The outcome rules, on made-up transcripts.</summary>
[TestFixture]
public sealed class CaseResultTests
{
    private static readonly PythonInterpreter s_interpreter =
        new("/usr/bin/python3", "/usr/bin/python3.11", new Version(3, 11, 2), "3.11.2-system", null, false);

    private static readonly ConformanceCase s_case = new("find", "find_basic", "/c/find/find_basic.py", "/c");

    [Test]
    public void EqualTranscriptsPass()
    {
        CaseResult result = Compare(Side("1\n", Termination.Exit(0)), Side("1\n", Termination.Exit(0)));

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(CaseOutcome.Passed));
            Assert.That(result.Diff, Is.Null);
            Assert.That(result.Message, Is.Null);
        });
    }

    [Test]
    public void DifferentOutputDiffers()
    {
        CaseResult result = Compare(Side("1\n", Termination.Exit(0)), Side("2\n", Termination.Exit(0)));

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(CaseOutcome.Differing));
            Assert.That(result.Diff, Does.Contain("-1\n+2\n"));
            Assert.That(result.Describe(), Does.StartWith("find/find_basic on 3.11.2-system: differing (the transcripts differ)\n--- reference"));
        });
    }

    [Test]
    public void AnImplementationKilledByASignalCrashed()
    {
        CaseResult result = Compare(Side("1\n", Termination.Exit(0)), Side("1\n", Termination.Signal(11)));

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(CaseOutcome.Crashed));
            Assert.That(result.Message, Is.EqualTo("implementation side: killed by signal 11 (SIGSEGV)"));
        });
    }

    [Test]
    public void AReferenceKilledByASignalWhenTheImplementationWasNotCrashed()
    {
        CaseResult result = Compare(Side("1\n", Termination.Signal(6)), Side("1\n", Termination.Exit(0)));

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(CaseOutcome.Crashed));
            Assert.That(result.Message, Is.EqualTo("reference side: killed by signal 6 (SIGABRT)"));
        });
    }

    [Test]
    public void TheSameDeathOnBothSidesPasses()
    {
        Assert.That(
            Compare(Side("1\n", Termination.Signal(9)), Side("1\n", Termination.Signal(9))).Outcome,
            Is.EqualTo(CaseOutcome.Passed));
    }

    [Test]
    public void ATimeoutOnEitherSideIsATimeoutEvenIfTheOutputMatches()
    {
        Termination timeout = Termination.Timeout(TimeSpan.FromSeconds(5));

        Assert.Multiple(() =>
        {
            Assert.That(Compare(Side("1\n", Termination.Exit(0)), Side("1\n", timeout)).Outcome, Is.EqualTo(CaseOutcome.TimedOut));
            Assert.That(Compare(Side("1\n", timeout), Side("1\n", Termination.Exit(0))).Outcome, Is.EqualTo(CaseOutcome.TimedOut));
            Assert.That(Compare(Side("1\n", timeout), Side("1\n", timeout)).Message, Is.EqualTo("both sides: timed out after 5 s (process tree killed)"));
        });
    }

    [Test]
    public void ASideThatCouldNotRunIsAnError()
    {
        CaseResult result = Compare(
            Side("1\n", Termination.Exit(0)),
            new SideRun("mmapnet", null, "module mmapnet could not be imported: ModuleNotFoundError: No module named 'mmapnet'", TimeSpan.Zero, null));

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(CaseOutcome.Error));
            Assert.That(result.Message, Is.EqualTo(
                "implementation side (mmapnet) could not run the case: module mmapnet could not be imported: " +
                "ModuleNotFoundError: No module named 'mmapnet'"));
        });
    }

    private static CaseResult Compare(SideRun reference, SideRun implementation) =>
        CaseResult.Compare(s_interpreter, s_case, reference, implementation);

    private static SideRun Side(string stdout, Termination termination) =>
        new("mmap", new Transcript(stdout, stdout.Length, false, true, null, termination, string.Empty, 0), null, TimeSpan.FromMilliseconds(30), null);
}
