using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MmapNet.Conformance.Running;
using MmapNet.Conformance.Stdlib;
using MmapNet.Discovery;
using Spectre.Console;

namespace MmapNet.Conformance.Cli;

/// <summary>
/// What the runner shows on the console: a live progress display on a terminal, plain lines otherwise (a log, CI), then a
/// table per interpreter, the test_mmap comparison, and the diff of every failure.
/// </summary>
internal sealed class ConsoleReporter(IAnsiConsole console)
{
    public async Task<SuiteResult> RunWithProgressAsync(
        IReadOnlyList<PythonInterpreter> interpreters,
        int caseCount,
        Func<ISuiteObserver, Task<SuiteResult>> run)
    {
        if (console.Profile.Capabilities.Interactive)
        {
            return await console.Progress()
                .AutoClear(false)
                .Columns(
                    new TaskDescriptionColumn(),
                    new ProgressBarColumn(),
                    new PercentageColumn(),
                    new ElapsedTimeColumn())
                .StartAsync(async context =>
                {
                    LiveObserver observer = new(context, interpreters, caseCount);
                    return await run(observer).ConfigureAwait(false);
                }).ConfigureAwait(false);
        }

        return await run(new PlainObserver(console, interpreters.Count * caseCount)).ConfigureAwait(false);
    }

    public void ShowSummary(SuiteResult suite)
    {
        Table table = new Table().Title("Cases per interpreter").AddColumn("Interpreter");
        foreach (CaseOutcome outcome in OutcomeText.All)
        {
            table.AddColumn(new TableColumn(OutcomeText.Name(outcome)).RightAligned());
        }

        table.AddColumn(new TableColumn("total").RightAligned());
        foreach (OutcomeCounts counts in suite.CountsByInterpreter)
        {
            List<string> cells = new() { Markup.Escape(counts.Group) };
            cells.AddRange(OutcomeText.All.Select(o => Count(counts[o], o)));
            cells.Add(counts.Total.ToString(CultureInfo.InvariantCulture));
            table.AddRow(cells.ToArray());
        }

        console.Write(table);
        foreach (ImplementationCheck? check in suite.Checks.Where(c => !c.Succeeded))
        {
            console.MarkupLine($"[red]{Markup.Escape(check.Interpreter.Label)}: {Markup.Escape(check.Error ?? string.Empty)}[/]");
        }

        if (suite.StdlibTests.Count > 0)
        {
            Table stdlib = new Table().Title("CPython's test_mmap")
                .AddColumns("Interpreter", "module", "ran", "passed", "failures", "errors", "skipped", "ended");
            foreach (StdlibTestComparison comparison in suite.StdlibTests)
            {
                foreach (StdlibTestRun? run in new[] { comparison.Reference, comparison.Implementation })
                {
                    UnittestReport? r = run.Report;
                    stdlib.AddRow(
                        Markup.Escape(comparison.Interpreter.Label),
                        Markup.Escape(run.Module),
                        Number(r?.Ran),
                        Number(r?.Passed),
                        Number(r?.Failures),
                        Number(r?.Errors),
                        Number(r?.Skipped),
                        Markup.Escape(run.Error ?? run.Termination?.ToString() ?? string.Empty));
                }
            }

            console.Write(stdlib);
            foreach (StdlibTestComparison? comparison in suite.StdlibTests.Where(c => c.ChangedTests.Count > 0))
            {
                console.MarkupLine(
                    $"[yellow]test_mmap on {Markup.Escape(comparison.Interpreter.Label)}: {comparison.ChangedTests.Count} test(s) changed[/]");
                foreach (ChangedTest change in comparison.ChangedTests)
                {
                    console.WriteLine($"  {change.Test}: {change.Reference} -> {change.Implementation}");
                }
            }
        }
    }

    public void ShowFailures(SuiteResult suite)
    {
        foreach (CaseResult failure in suite.Failures)
        {
            console.WriteLine();
            console.MarkupLine(
                $"[bold]{Markup.Escape(failure.Case.Id)}[/] on {Markup.Escape(failure.Interpreter.Label)}: " +
                $"[{Colour(failure.Outcome)}]{OutcomeText.Name(failure.Outcome)}[/]" +
                (failure.Message is null ? string.Empty : $" ({Markup.Escape(failure.Message)})"));
            if (failure.Diff is null)
            {
                continue;
            }

            foreach (string line in failure.Diff.TrimEnd('\n').Split('\n'))
            {
                Style style = line.StartsWith("+++", StringComparison.Ordinal) || line.StartsWith("---", StringComparison.Ordinal)
                    ? new Style(decoration: Decoration.Bold)
                    : line.StartsWith("@@", StringComparison.Ordinal) ? new Style(Color.Blue)
                    : line.StartsWith('+') ? new Style(Color.Green)
                    : line.StartsWith('-') ? new Style(Color.Red)
                    : Style.Plain;
                console.Write(new Text(line + "\n", style));
            }
        }
    }

    public void ShowVerdict(SuiteResult suite, string reportFolder)
    {
        console.WriteLine();
        console.MarkupLine($"Report: [link]{Markup.Escape(reportFolder)}[/] (report.md, report.json, report.html)");
        int failed = suite.Failures.Count();
        int stdlibDiffering = suite.StdlibTests.Count(s => !s.Conforms);
        console.MarkupLine(suite.Succeeded
            ? $"[green]{suite.Results.Count} passed, 0 failed[/]"
            : $"[red]{suite.Results.Count - failed} passed, {failed} failed[/]" +
              (stdlibDiffering > 0 ? $" [red](test_mmap differs on {stdlibDiffering} interpreter(s))[/]" : string.Empty));
    }

    private static string Count(int count, CaseOutcome outcome) =>
        count == 0 || outcome == CaseOutcome.Passed
            ? count.ToString(CultureInfo.InvariantCulture)
            : $"[{Colour(outcome)}]{count}[/]";

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "-";

    private static string Colour(CaseOutcome outcome) => outcome switch
    {
        CaseOutcome.Passed => "green",
        CaseOutcome.Differing => "yellow",
        CaseOutcome.Crashed => "red",
        CaseOutcome.TimedOut => "purple",
        _ => "grey",
    };

    // A progress bar per interpreter, plus one for test_mmap.
    private sealed class LiveObserver : ISuiteObserver
    {
        private readonly Lock _gate = new();
        private readonly Dictionary<string, ProgressTask> _tasks;
        private readonly ProgressContext _context;
        private ProgressTask? _stdlibTask;

        public LiveObserver(ProgressContext context, IReadOnlyList<PythonInterpreter> interpreters, int caseCount)
        {
            _context = context;
            _tasks = interpreters.ToDictionary(
                i => i.Label,
                i => context.AddTask(Markup.Escape(i.Label), maxValue: Math.Max(1, caseCount)),
                StringComparer.Ordinal);
        }

        public void CaseFinished(CaseResult result)
        {
            lock (_gate)
            {
                _tasks[result.Interpreter.Label].Increment(1);
            }
        }

        public void StdlibTestsStarting(PythonInterpreter interpreter)
        {
            lock (_gate)
            {
                _stdlibTask ??= _context.AddTask("test_mmap", maxValue: _tasks.Count);
                _stdlibTask.Description = $"test_mmap ({Markup.Escape(interpreter.Label)})";
            }
        }

        public void StdlibTestsFinished(StdlibTestComparison comparison)
        {
            lock (_gate)
            {
                _stdlibTask?.Increment(1);
            }
        }
    }

    // One line per result that did not pass, and a count every tenth of the way.
    private sealed class PlainObserver(IAnsiConsole console, int total) : ISuiteObserver
    {
        private readonly Lock _gate = new();
        private int _done;

        public void CaseFinished(CaseResult result)
        {
            lock (_gate)
            {
                _done++;
                if (result.Outcome != CaseOutcome.Passed)
                {
                    console.WriteLine(
                        $"{OutcomeText.Name(result.Outcome)}: {result.Case.Id} on {result.Interpreter.Label}" +
                        (result.Message is null ? string.Empty : $" ({result.Message})"));
                }

                if (_done == total || _done % Math.Max(1, total / 10) == 0)
                {
                    console.WriteLine($"progress: {_done}/{total} case runs");
                }
            }
        }

        public void StdlibTestsStarting(PythonInterpreter interpreter) =>
            console.WriteLine($"test_mmap on {interpreter.Label} (with mmap, then with the implementation)");

        public void StdlibTestsFinished(StdlibTestComparison comparison) =>
            console.WriteLine($"test_mmap on {comparison.Interpreter.Label}: " +
                (comparison.Conforms ? "same results" : "results differ"));
    }
}
