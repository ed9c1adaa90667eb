using System;
using System.Diagnostics;
using System.IO;
using NUnit.Framework;

namespace MmapNet.Discovery.Tests;

/// <summary>Running a program to its end with posix_spawn, as the interpreter query does.</summary>
[TestFixture]
public sealed class ChildProgramTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);

    [Test]
    public void GivesItsOutputErrorAndExitCode()
    {
        ChildProgramResult? result = ChildProgram.Run("sh", ["-c", "echo out; echo err >&2; exit 3"], s_timeout);

        Assert.That(result, Is.EqualTo(new ChildProgramResult(3, "out\n", "err\n")));
    }

    [Test]
    public void ReadsBothStreamsWhateverTheirSize_WithoutDeadlock()
    {
        // Far more than a pipe holds (64 KiB), on both streams at once: a parent reading one pipe to its end before the
        // other would wait forever on a child blocked writing the other.
        ChildProgramResult? result = ChildProgram.Run("sh", ["-c", "head -c 1000000 /dev/zero | tr '\\0' a >&2; head -c 700000 /dev/zero | tr '\\0' b"], s_timeout);

        Assert.That(result, Is.Not.Null);
        Assert.That(result!.ExitCode, Is.Zero);
        Assert.That(result.Stderr, Has.Length.EqualTo(1000000).And.Not.Contains("b"));
        Assert.That(result.Stdout, Has.Length.EqualTo(700000).And.Not.Contains("a"));
    }

    [Test]
    public void ItsStandardInputIsEmpty()
    {
        Assert.That(ChildProgram.Run("cat", [], s_timeout), Is.EqualTo(new ChildProgramResult(0, "", "")));
    }

    [Test]
    public void ItGetsTheEnvironmentDotNetHolds()
    {
        Environment.SetEnvironmentVariable("MMAPNET_CHILD_PROGRAM_TEST", "set in .NET");
        try
        {
            ChildProgramResult? result = ChildProgram.Run("sh", ["-c", "printf %s \"$MMAPNET_CHILD_PROGRAM_TEST\""], s_timeout);
            Assert.That(result?.Stdout, Is.EqualTo("set in .NET"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("MMAPNET_CHILD_PROGRAM_TEST", null);
        }
    }

    [Test]
    public void ASignalThatEndsIt_Gives128PlusTheSignal()
    {
        Assert.That(ChildProgram.Run("sh", ["-c", "kill -9 $$"], s_timeout)?.ExitCode, Is.EqualTo(137));
    }

    [Test]
    public void OneThatOutlivesTheTimeout_IsKilledAndGivesNull()
    {
        string marker = Path.Combine(Path.GetTempPath(), $"mmapnet-child-program-{Guid.NewGuid():N}");
        Stopwatch clock = Stopwatch.StartNew();

        // It writes its pid, then sleeps well past the timeout.
        ChildProgramResult? result = ChildProgram.Run("sh", ["-c", $"echo $$ > {marker}; exec sleep 60"], TimeSpan.FromMilliseconds(500));

        Assert.That(result, Is.Null);
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
        string processId = File.ReadAllText(marker).Trim();
        File.Delete(marker);
        Assert.That(Directory.Exists($"/proc/{processId}"), Is.False, "the child was killed and reaped");
    }

    [Test]
    public void OneThatClosesItsOutputAndGoesOn_IsKilledAtTheTimeout()
    {
        ChildProgramResult? result = ChildProgram.Run("sh", ["-c", "exec >&- 2>&-; sleep 60"], TimeSpan.FromMilliseconds(500));

        Assert.That(result, Is.Null);
    }

    [Test]
    public void AnInfiniteTimeout_WaitsForTheEnd()
    {
        Assert.That(ChildProgram.Run("sh", ["-c", "sleep 0.3; echo done"], System.Threading.Timeout.InfiniteTimeSpan),
            Is.EqualTo(new ChildProgramResult(0, "done\n", "")));
    }

    [Test]
    public void AProgramThatDoesNotExist_IsReportedWithTheSystemsReason()
    {
        Assert.That(() => ChildProgram.Run("/nonexistent/mmapnet-no-such-program", [], s_timeout),
            Throws.TypeOf<ChildProgramException>().With.Message.EqualTo("could not be started: No such file or directory"));
    }
}
