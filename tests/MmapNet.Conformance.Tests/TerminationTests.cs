using MmapNet.Conformance.Transcripts;
using NUnit.Framework;

namespace MmapNet.Conformance.Tests;

/// <summary>Telling an exit code from a death by signal.</summary>
[TestFixture]
public sealed class TerminationTests
{
    [TestCase(0, null, "exit code 0")]
    [TestCase(1, 1, "exit code 1")]
    [TestCase(128, null, "exit code 128")]
    [TestCase(139, null, "killed by signal 11 (SIGSEGV)")]
    [TestCase(137, null, "killed by signal 9 (SIGKILL)")]
    [TestCase(134, 0, "killed by signal 6 (SIGABRT)")] // announced 0, then died at shutdown
    [TestCase(139, 139, "exit code 139")] // sys.exit(139), announced by the bootstrap
    [TestCase(255, null, "exit code 255")] // beyond the signal numbers
    public void ReadsExitCodes(int exitCode, int? announced, string expected)
    {
        Assert.That(Termination.FromExitCode(exitCode, announced).ToString(), Is.EqualTo(expected));
    }

    [Test]
    public void TimeoutsShowTheLimit()
    {
        Assert.That(Termination.Timeout(System.TimeSpan.FromSeconds(60)).ToString(), Is.EqualTo("timed out after 60 s (process tree killed)"));
    }
}
