using System;
using System.Text;
using MmapNet.Conformance.Cases;
using MmapNet.Conformance.Transcripts;
using MmapNet.Discovery;

namespace MmapNet.Conformance.Running;

/// <summary>The result of one (interpreter, case) comparison.</summary>
public enum CaseOutcome
{
    /// <summary>The transcripts are the same.</summary>
    Passed,

    /// <summary>The transcripts differ and both processes ended by themselves.</summary>
    Differing,

    /// <summary>The transcripts differ and a side died by a signal (for example the implementation segfaulted).</summary>
    Crashed,

    /// <summary>A side ran past the time limit (its process tree was killed).</summary>
    TimedOut,

    /// <summary>A side could not run the case: the interpreter did not start, or the module could not be installed.</summary>
    Error,
}

/// <summary>One side of a comparison.</summary>
/// <param name="Module">The module that was to serve <c>mmap</c>.</param>
/// <param name="Transcript">What the run produced, or <see langword="null"/> if it did not run the case.</param>
/// <param name="Error">Why it did not run the case, or <see langword="null"/>.</param>
/// <param name="Duration">How long the process ran.</param>
/// <param name="ServedBy">What the bootstrap says served <c>mmap</c> (module and file), when it says.</param>
public sealed record SideRun(string Module, Transcript? Transcript, string? Error, TimeSpan Duration, string? ServedBy)
{
    /// <summary>A side that was not run, for the reason given.</summary>
    /// <param name="module">The module.</param>
    /// <param name="reason">Why it was not run.</param>
    /// <returns>The side.</returns>
    public static SideRun NotRun(string module, string reason) => new(module, null, reason, TimeSpan.Zero, null);

    internal static SideRun From(BootstrapRun run) => new(
        run.Module,
        run.Transcript,
        run.Error,
        run.Process.Duration,
        run.Status?.ServedBy is { } name ? $"{name} ({run.Status.File ?? "built in"})" : null);

    internal bool DiedBySignal => Transcript?.Termination.Kind == TerminationKind.Signaled;

    internal bool TimedOut => Transcript?.Termination.Kind == TerminationKind.TimedOut;
}

/// <summary>The result of running one case on one interpreter with the reference and the implementation.</summary>
/// <param name="Interpreter">The interpreter.</param>
/// <param name="Case">The case.</param>
/// <param name="Outcome">The outcome.</param>
/// <param name="Reference">The CPython mmap side.</param>
/// <param name="Implementation">The side of the implementation under test.</param>
/// <param name="Message">One line saying what went wrong, or <see langword="null"/> when passed.</param>
/// <param name="Diff">The unified diff of the two transcripts, when both exist and differ.</param>
public sealed record CaseResult(
    PythonInterpreter Interpreter,
    ConformanceCase Case,
    CaseOutcome Outcome,
    SideRun Reference,
    SideRun Implementation,
    string? Message,
    string? Diff)
{
    /// <summary>Compares two sides and classifies the result (the one place the outcome rules live).</summary>
    /// <param name="interpreter">The interpreter.</param>
    /// <param name="conformanceCase">The case.</param>
    /// <param name="reference">The reference side.</param>
    /// <param name="implementation">The implementation side.</param>
    /// <returns>The result.</returns>
    /// <remarks>
    /// In order: a side that could not run the case is an <see cref="CaseOutcome.Error"/>; a side that ran out of time is
    /// <see cref="CaseOutcome.TimedOut"/>; equal transcripts are <see cref="CaseOutcome.Passed"/> (even when both died by the
    /// same signal: the behaviours agree); different transcripts where a side died by a signal are
    /// <see cref="CaseOutcome.Crashed"/>; other differences are <see cref="CaseOutcome.Differing"/>.
    /// </remarks>
    public static CaseResult Compare(
        PythonInterpreter interpreter, ConformanceCase conformanceCase, SideRun reference, SideRun implementation)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(implementation);
        if (reference.Error is not null || implementation.Error is not null)
        {
            string message = implementation.Error is not null
                ? $"implementation side ({implementation.Module}) could not run the case: {implementation.Error}"
                : $"reference side (mmap) could not run the case: {reference.Error}";
            return new CaseResult(interpreter, conformanceCase, CaseOutcome.Error, reference, implementation, message, null);
        }

        Transcript referenceTranscript = reference.Transcript!;
        Transcript implementationTranscript = implementation.Transcript!;
        string? diff = referenceTranscript.Conforms(implementationTranscript)
            ? null
            : TranscriptDiff.Unified(referenceTranscript, implementationTranscript, implementation.Module);

        (CaseOutcome outcome, string? summary) = (reference, implementation) switch
        {
            _ when reference.TimedOut || implementation.TimedOut =>
                (CaseOutcome.TimedOut, Sides(reference.TimedOut, implementation.TimedOut) + " " +
                    (implementation.TimedOut ? implementationTranscript : referenceTranscript).Termination),
            _ when diff is null => (CaseOutcome.Passed, null),
            _ when reference.DiedBySignal || implementation.DiedBySignal =>
                (CaseOutcome.Crashed, Sides(reference.DiedBySignal, implementation.DiedBySignal) + " " +
                    (implementation.DiedBySignal ? implementationTranscript : referenceTranscript).Termination),
            _ => (CaseOutcome.Differing, "the transcripts differ"),
        };
        return new CaseResult(interpreter, conformanceCase, outcome, reference, implementation, summary, diff);
    }

    /// <summary>
    /// A description for a test failure or a log: case, interpreter, outcome, message, the diff, and the implementation's
    /// stderr when it has something beyond the compared exception line.
    /// </summary>
    /// <returns>The description.</returns>
    public string Describe()
    {
        StringBuilder text = new();
        text.Append(Case.Id).Append(" on ").Append(Interpreter.Label).Append(": ").Append(OutcomeText.Name(Outcome));
        if (Message is not null)
        {
            text.Append(" (").Append(Message).Append(')');
        }

        text.Append('\n');
        if (Diff is not null)
        {
            text.Append(Diff);
            if (!Diff.EndsWith('\n'))
            {
                text.Append('\n');
            }
        }

        if (Outcome != CaseOutcome.Passed && Implementation.Transcript is { Stderr.Length: > 0 } transcript)
        {
            text.Append("--- implementation stderr (not compared) ---\n").Append(Tail(transcript.Stderr, 4000));
        }

        return text.ToString();
    }

    private static string Sides(bool reference, bool implementation) =>
        (reference, implementation) switch
        {
            (true, true) => "both sides:",
            (false, true) => "implementation side:",
            _ => "reference side:",
        };

    private static string Tail(string text, int maxChars) =>
        text.Length <= maxChars ? text : "[...]\n" + text[^maxChars..];
}
