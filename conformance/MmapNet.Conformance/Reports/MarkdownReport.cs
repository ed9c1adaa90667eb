using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using MmapNet.Conformance.Running;
using MmapNet.Conformance.Stdlib;

namespace MmapNet.Conformance.Reports;

/// <summary><c>report.md</c>: summary tables, test_mmap results, and each failure with its diff.</summary>
public static class MarkdownReport
{
    private const int StderrChars = 3000;

    /// <summary>Renders <paramref name="suite"/> as Markdown.</summary>
    /// <param name="suite">The suite result.</param>
    /// <returns>The Markdown text.</returns>
    public static string Render(SuiteResult suite)
    {
        ArgumentNullException.ThrowIfNull(suite);
        StringBuilder md = new();
        md.Append("# MmapNet conformance report\n\n");
        md.Append(CultureInfo.InvariantCulture,
            $"Implementation `{suite.Settings.ImplementationModule}` ({ImplementationFlavours.Name(suite.Settings.Flavour)} flavour) " +
            $"against CPython's `mmap`; cases from `{suite.CasesFolder}`; ");
        md.Append(CultureInfo.InvariantCulture,
            $"started {suite.StartedAt:yyyy-MM-dd HH:mm:ss zzz}, took {suite.Duration.TotalSeconds:0.0} s.\n\n");
        md.Append(suite.Succeeded ? "**Result: conforms** (exit code 0)\n\n" : "**Result: does not conform** (exit code 1)\n\n");

        md.Append("## Cases per interpreter\n\n");
        md.Append("| Interpreter | Implementation served by | Passed | Differing | Crashed | Timed out | Error | Total |\n");
        md.Append("|---|---|---:|---:|---:|---:|---:|---:|\n");
        Dictionary<string, ImplementationCheck> checks = suite.Checks.ToDictionary(c => c.Interpreter.Label, StringComparer.Ordinal);
        foreach (OutcomeCounts counts in suite.CountsByInterpreter)
        {
            ImplementationCheck? check = checks.GetValueOrDefault(counts.Group);
            string served = check is null ? string.Empty : check.Error ?? check.ServedBy ?? string.Empty;
            md.Append(CultureInfo.InvariantCulture,
                $"| {counts.Group} | {Cell(served)} | {counts.Passed} | {counts.Differing} | {counts.Crashed} | {counts.TimedOut} | {counts.Error} | {counts.Total} |\n");
        }

        md.Append("\n## Cases per area (all interpreters)\n\n");
        md.Append("| Area | Passed | Differing | Crashed | Timed out | Error | Total |\n|---|---:|---:|---:|---:|---:|---:|\n");
        foreach (OutcomeCounts counts in suite.CountsByArea)
        {
            md.Append(CultureInfo.InvariantCulture,
                $"| {Cell(counts.Group)} | {counts.Passed} | {counts.Differing} | {counts.Crashed} | {counts.TimedOut} | {counts.Error} | {counts.Total} |\n");
        }

        AppendStdlibTests(md, suite);
        AppendFailures(md, suite);
        return md.ToString();
    }

    private static void AppendStdlibTests(StringBuilder md, SuiteResult suite)
    {
        md.Append("\n## CPython's test_mmap\n\n");
        if (suite.StdlibTests.Count == 0)
        {
            md.Append("Not run (`--no-stdlib-tests`, or no interpreter has the `test` package's test_mmap).\n");
            return;
        }

        md.Append("| Interpreter | mmap from | Ran | Passed | Failures | Errors | Skipped | Ended | Same as CPython |\n");
        md.Append("|---|---|---:|---:|---:|---:|---:|---|---|\n");
        foreach (StdlibTestComparison comparison in suite.StdlibTests)
        {
            foreach (StdlibTestRun? run in new[] { comparison.Reference, comparison.Implementation })
            {
                UnittestReport? r = run.Report;
                string same = ReferenceEquals(run, comparison.Reference) ? string.Empty : comparison.Conforms ? "yes" : "**no**";
                md.Append(CultureInfo.InvariantCulture,
                    $"| {comparison.Interpreter.Label} | `{run.Module}` | {r?.Ran} | {r?.Passed} | {r?.Failures} | {r?.Errors} | {r?.Skipped} | {Cell(run.Error ?? run.Termination?.ToString() ?? string.Empty)} | {same} |\n");
            }
        }

        foreach (StdlibTestComparison? comparison in suite.StdlibTests.Where(c => c.ChangedTests.Count > 0))
        {
            md.Append(CultureInfo.InvariantCulture, $"\nTests whose result changed on {comparison.Interpreter.Label}:\n\n");
            foreach (ChangedTest change in comparison.ChangedTests)
            {
                md.Append(CultureInfo.InvariantCulture, $"- `{change.Test}`: {change.Reference} → {change.Implementation}\n");
            }
        }
    }

    private static void AppendFailures(StringBuilder md, SuiteResult suite)
    {
        List<CaseResult> failures = suite.Failures.ToList();
        md.Append(CultureInfo.InvariantCulture, $"\n## Failures ({failures.Count})\n");
        if (failures.Count == 0)
        {
            md.Append("\nNone.\n");
            return;
        }

        foreach (CaseResult? failure in failures)
        {
            md.Append(CultureInfo.InvariantCulture,
                $"\n### `{failure.Case.Id}` on {failure.Interpreter.Label}: {OutcomeText.Name(failure.Outcome)}\n\n");
            if (failure.Message is not null)
            {
                md.Append(failure.Message).Append("\n\n");
            }

            if (failure.Diff is not null)
            {
                md.Append("```diff\n").Append(failure.Diff.TrimEnd('\n')).Append("\n```\n");
            }

            if (failure.Implementation.Transcript is { Stderr.Length: > 0 } transcript)
            {
                string stderr = transcript.Stderr.Length <= StderrChars ? transcript.Stderr : "[...]\n" + transcript.Stderr[^StderrChars..];
                md.Append("\nImplementation stderr (not compared):\n\n```text\n").Append(stderr.TrimEnd('\n')).Append("\n```\n");
            }
        }
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
