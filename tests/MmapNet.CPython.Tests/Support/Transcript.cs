using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using MmapNet.Discovery;
using MmapNet.TestSupport;
using NUnit.Framework;

namespace MmapNet.CPython.Tests.Support;

/// <summary>One step of a snippet's transcript (see Scripts/transcript.py).</summary>
/// <param name="Label">The step's label, without the leniency mark.</param>
/// <param name="Outcome">What the step returned or raised, or how the process died in it.</param>
/// <param name="MutatesDuringConversion">Whether the label was marked <c>*</c>: the step's own code closes or resizes the map mid-call.</param>
/// <param name="Died">Whether the process died (or was killed) in this step.</param>
internal sealed record TranscriptStep(string Label, string Outcome, bool MutatesDuringConversion, bool Died);

/// <summary>The transcript of a snippet run with one module serving <c>mmap</c>.</summary>
internal sealed class Transcript
{
    private const string Separator = " => ";
    private const string StartVariable = "MMAPNET_TRANSCRIPT_START";

    // Each death costs a process start (half a second with mmapnet); an implementation that dies in every step would
    // otherwise take minutes to say so. The stdlib dies in 8 steps of hostile_inputs.py on 3.10 and Debian's 3.11.2.
    private const int MostDeaths = 20;

    private Transcript(IReadOnlyList<TranscriptStep> steps) => Steps = steps;

    public IReadOnlyList<TranscriptStep> Steps { get; }

    /// <summary>
    /// Runs <c>python SCRIPT MODULE args...</c> until every step has an outcome: when the process dies in a step, that
    /// step's outcome is the death, and the snippet runs again from the next step. Any other failure (the snippet's
    /// set-up, an error outside a step) fails the test with the process's output.
    /// </summary>
    public static async Task<Transcript> RunAsync(
        PythonInterpreter interpreter, string script, string module, IEnumerable<string>? arguments = null, PythonStart? start = null)
    {
        start ??= new PythonStart();
        List<TranscriptStep> steps = new();
        List<string> extra = arguments?.ToList() ?? new List<string>();
        while (true)
        {
            Dictionary<string, string?> environment = new(start.Environment)
            {
                [StartVariable] = steps.Count.ToString(CultureInfo.InvariantCulture),
            };
            ChildResult result = await PythonProcess.RunScriptAsync(
                interpreter,
                script,
                new[] { module }.Concat(extra),
                new PythonStart
                {
                    PythonPath = start.PythonPath,
                    WorkingDirectory = start.WorkingDirectory,
                    Environment = environment,
                    Stdin = start.Stdin,
                    Timeout = start.Timeout,
                });
            string? unfinished = Parse(result.Stdout, steps);
            if (unfinished is null)
            {
                if (result.ExitCode != 0 || result.TimedOut)
                {
                    Assert.Fail($"{script} with {module} on {interpreter.Label} failed outside its steps: {result.Describe()}");
                }

                if (steps.Count == 0)
                {
                    Assert.Fail($"{script} with {module} on {interpreter.Label} printed no step: {result.Describe()}");
                }

                return new Transcript(steps);
            }

            string death = result.TimedOut
                ? "the process timed out in this step and was killed"
                : $"the process died in this step: {DescribeExit(result.ExitCode)}; stderr ends: {Tail(result.Stderr)}";
            steps.Add(Step(unfinished, death, died: true));
            if (steps.Count(s => s.Died) >= MostDeaths)
            {
                Assert.Fail(
                    $"{script} with {module} on {interpreter.Label} died in {MostDeaths} steps, the last: {unfinished}: {death}\n" +
                    string.Join("\n", steps.Where(s => s.Died).Select(s => s.Label)));
            }
        }
    }

    /// <summary>Adds the finished steps of <paramref name="stdout"/>; returns the label of a step left unfinished, if any.</summary>
    private static string? Parse(string stdout, List<TranscriptStep> steps)
    {
        string[] lines = stdout.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            bool last = i == lines.Length - 1;
            if (line.Length == 0 && last)
            {
                break;
            }

            int at = line.IndexOf(Separator, StringComparison.Ordinal);
            if (last && line.EndsWith(Separator, StringComparison.Ordinal))
            {
                return line[..^Separator.Length];
            }

            if (at < 0 || last)
            {
                throw new AssertionException($"not a transcript line: '{line}' in:\n{stdout}");
            }

            steps.Add(Step(line[..at], line[(at + Separator.Length)..], died: false));
        }

        return null;
    }

    private static TranscriptStep Step(string label, string outcome, bool died) =>
        label.StartsWith('*')
            ? new TranscriptStep(label[1..].TrimStart(), outcome, MutatesDuringConversion: true, died)
            : new TranscriptStep(label, outcome, MutatesDuringConversion: false, died);

    // A process killed by signal N exits with 128 + N as .NET reports it.
    private static string DescribeExit(int exitCode) => exitCode switch
    {
        > 128 and < 160 => $"killed by signal {exitCode - 128}{SignalName(exitCode - 128)}",
        _ => $"exit code {exitCode}",
    };

    private static string SignalName(int signal) => signal switch
    {
        6 => " (SIGABRT)",
        7 => " (SIGBUS)",
        9 => " (SIGKILL)",
        11 => " (SIGSEGV)",
        _ => string.Empty,
    };

    private static string Tail(string text)
    {
        text = text.TrimEnd();
        return text.Length == 0 ? "(nothing)" : text.Length <= 600 ? text : "..." + text[^600..];
    }
}
