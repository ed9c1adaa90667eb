using System;
using System.Text;
using MmapNet.Conformance.Running;
using MmapNet.Conformance.Transcripts;
using NUnit.Framework;

namespace MmapNet.Conformance.Tests;

/// <summary>What a transcript holds and what of it is compared.</summary>
[TestFixture]
public sealed class TranscriptTests
{
    private const string Traceback = """
        Traceback (most recent call last):
          File "/x/bootstrap.py", line 1, in <module>
          File "/x/case.py", line 3, in <module>
            m.seek(100)
        ValueError: seek out of range

        """;

    [Test]
    public void TheFinalExceptionLineIsTheLastNonEmptyLineAfterATraceback()
    {
        Assert.That(Transcript.FinalExceptionLine(Traceback), Is.EqualTo("ValueError: seek out of range"));
    }

    [Test]
    public void StderrWithoutATracebackHasNoExceptionLine()
    {
        Assert.That(Transcript.FinalExceptionLine("case.py:3: UserWarning: careful\n  warnings.warn('careful')\n"), Is.Null);
    }

    [Test]
    public void AnExceptionWithoutAMessageIsItsName()
    {
        Assert.That(
            Transcript.FinalExceptionLine("Traceback (most recent call last):\n  File \"c.py\", line 1\nKeyboardInterrupt\n"),
            Is.EqualTo("KeyboardInterrupt"));
    }

    [Test]
    public void TheComparableTextHasStdoutTheExceptionAndHowItEnded()
    {
        Transcript transcript = Make("hello\n", Traceback, Termination.Exit(1));

        Assert.That(transcript.ComparableText, Is.EqualTo(
            "=== stdout ===\nhello\n=== exception ===\nValueError: seek out of range\n=== exit ===\nexit code 1\n"));
    }

    [Test]
    public void StderrBeyondTheExceptionLineIsNotCompared()
    {
        Transcript withWarning = Make("x\n", "warning: something\n" + Traceback, Termination.Exit(1));
        Transcript without = Make("x\n", Traceback.Replace("/x/", "/elsewhere/", StringComparison.Ordinal), Termination.Exit(1));

        Assert.That(withWarning.Conforms(without), Is.True);
    }

    [Test]
    public void AMissingFinalNewlineIsADifference()
    {
        Transcript withNewline = Make("x\n", string.Empty, Termination.Exit(0));
        Transcript withoutNewline = Make("x", string.Empty, Termination.Exit(0));

        Assert.Multiple(() =>
        {
            Assert.That(withNewline.Conforms(withoutNewline), Is.False);
            Assert.That(withoutNewline.ComparableText, Does.Contain("x\n[no newline at the end of stdout]\n"));
        });
    }

    [Test]
    public void TheExitCodeIsCompared()
    {
        Assert.That(
            Make(string.Empty, string.Empty, Termination.Exit(0)).Conforms(Make(string.Empty, string.Empty, Termination.Exit(3))),
            Is.False);
    }

    [Test]
    public void CutOffOutputRecordsItsFullSize()
    {
        byte[] bytes = Encoding.UTF8.GetBytes("abc");
        ProcessResult result = new(
            null, 0, false, new CapturedOutput(bytes, 1000), CapturedOutput.Empty, TimeSpan.Zero, false);

        Transcript transcript = Transcript.FromProcess(result, Termination.Exit(0));

        Assert.That(transcript.ComparableText, Is.EqualTo(
            "=== stdout ===\nabc\n[no newline at the end of stdout]\n[stdout cut off: 1000 bytes in all]\n" +
            "=== exception ===\nnone\n=== exit ===\nexit code 0\n"));
    }

    [Test]
    public void ACharacterCutInHalfAtTheLimitIsDroppedNotMisread()
    {
        byte[] bytes = Encoding.UTF8.GetBytes("caf\u00e9");
        byte[] cut = bytes[..^1]; // the first byte of the two-byte é
        ProcessResult result = new(null, 0, false, new CapturedOutput(cut, 100), CapturedOutput.Empty, TimeSpan.Zero, false);

        Transcript transcript = Transcript.FromProcess(result, Termination.Exit(0));

        Assert.Multiple(() =>
        {
            Assert.That(transcript.Stdout, Is.EqualTo("caf"));
            Assert.That(transcript.StdoutIsUtf8, Is.True);
        });
    }

    [Test]
    public void TheDiffGoesFromReferenceToImplementation()
    {
        Transcript reference = Make("find: 3\n", string.Empty, Termination.Exit(0));
        Transcript implementation = Make("find: 0\n", string.Empty, Termination.Exit(0));

        string diff = TranscriptDiff.Unified(reference, implementation, "mmapnet");

        Assert.That(diff, Does.StartWith("--- reference (mmap)\n+++ implementation (mmapnet)\n@@ ")
            .And.Contains("-find: 3\n+find: 0\n"));
    }

    private static Transcript Make(string stdout, string stderr, Termination termination) => new(
        stdout,
        Encoding.UTF8.GetByteCount(stdout),
        false,
        true,
        Transcript.FinalExceptionLine(stderr),
        termination,
        stderr,
        Encoding.UTF8.GetByteCount(stderr));
}
