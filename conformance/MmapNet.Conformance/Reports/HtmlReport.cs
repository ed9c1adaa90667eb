using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text;
using MmapNet.Conformance.Running;
using MmapNet.Conformance.Stdlib;
using MmapNet.Discovery;

namespace MmapNet.Conformance.Reports;

/// <summary>
/// <c>report.html</c>: one self-contained page (inline CSS and SVG, no script, nothing fetched) with stacked bars of the
/// outcomes per interpreter and per area, the test_mmap comparison, and each failure with its coloured diff.
/// </summary>
public static class HtmlReport
{
    private const int BarWidth = 560;
    private const int BarHeight = 22;
    private const int LabelWidth = 190;
    private const int CountWidth = 130;

    private const string Style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2em auto;max-width:1100px;color:#222;padding:0 1em}
        h1{font-size:1.6em}h2{margin-top:2em;border-bottom:1px solid #ddd;padding-bottom:.2em}
        .verdict{font-weight:bold;padding:.4em .8em;border-radius:4px;display:inline-block}
        .ok{background:#e3f4e6;color:#1b5e20}.bad{background:#fdecea;color:#b71c1c}
        table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #ddd;padding:.3em .6em;text-align:left;vertical-align:top}
        td.n{text-align:right;font-variant-numeric:tabular-nums}th{background:#f5f5f5}
        .legend span{display:inline-block;margin-right:1.2em}.legend i{display:inline-block;width:.9em;height:.9em;margin-right:.3em;vertical-align:middle}
        details{margin:.6em 0;border:1px solid #ddd;border-radius:4px;padding:.3em .6em}summary{cursor:pointer;font-weight:600}
        pre{background:#fafafa;padding:.6em;overflow-x:auto;font-size:.85em;line-height:1.35}
        .add{color:#1b5e20;background:#e8f5e9;display:block}.del{color:#b71c1c;background:#ffebee;display:block}.hunk{color:#0d47a1;display:block}
        code{background:#f3f3f3;padding:0 .2em;overflow-wrap:anywhere}small{color:#555}
        """;

    /// <summary>Renders <paramref name="suite"/> as an HTML page.</summary>
    /// <param name="suite">The suite result.</param>
    /// <returns>The page.</returns>
    public static string Render(SuiteResult suite)
    {
        ArgumentNullException.ThrowIfNull(suite);
        StringBuilder html = new();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>MmapNet conformance report</title>\n");
        html.Append("<style>").Append(Style).Append("</style></head><body>\n");
        html.Append("<h1>MmapNet conformance report</h1>\n");
        html.Append(CultureInfo.InvariantCulture,
            $"<p>Implementation <code>{E(suite.Settings.ImplementationModule)}</code> ({ImplementationFlavours.Name(suite.Settings.Flavour)} flavour) against CPython's <code>mmap</code>; cases from <code>{E(suite.CasesFolder)}</code>; started {suite.StartedAt:yyyy-MM-dd HH:mm:ss zzz}, took {suite.Duration.TotalSeconds:0.0} s.</p>\n");
        html.Append(suite.Succeeded
            ? "<p class=\"verdict ok\">Conforms (exit code 0)</p>\n"
            : "<p class=\"verdict bad\">Does not conform (exit code 1)</p>\n");

        html.Append("<div class=\"legend\">");
        foreach (CaseOutcome outcome in OutcomeText.All)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<span><i style=\"background:{OutcomeText.Colour(outcome)}\"></i>{OutcomeText.Name(outcome)}</span>");
        }

        html.Append("</div>\n");
        html.Append("<h2>Cases per interpreter</h2>\n").Append(Chart(suite.CountsByInterpreter, "Outcomes per interpreter"));
        AppendInterpreterTable(html, suite);
        html.Append("<h2>Cases per area (all interpreters)</h2>\n").Append(Chart(suite.CountsByArea, "Outcomes per area"));
        AppendStdlibTests(html, suite);
        AppendFailures(html, suite);
        html.Append("</body></html>\n");
        return html.ToString();
    }

    /// <summary>A horizontal stacked bar per group, widths proportional to each outcome's share of the group.</summary>
    internal static string Chart(IReadOnlyList<OutcomeCounts> groups, string title)
    {
        int height = Math.Max(1, groups.Count) * (BarHeight + 8) + 8;
        int width = LabelWidth + BarWidth + CountWidth;
        StringBuilder svg = new();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-label=\"{E(title)}\" font-size=\"13\">\n");
        if (groups.Count == 0)
        {
            svg.Append("<text x=\"0\" y=\"20\">no results</text>\n");
        }

        for (int row = 0; row < groups.Count; row++)
        {
            OutcomeCounts counts = groups[row];
            int y = 8 + row * (BarHeight + 8);
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{LabelWidth - 8}\" y=\"{y + 16}\" text-anchor=\"end\">{E(counts.Group)}</text>\n");
            double x = LabelWidth;
            foreach (CaseOutcome outcome in OutcomeText.All)
            {
                int count = counts[outcome];
                if (count == 0 || counts.Total == 0)
                {
                    continue;
                }

                double segment = BarWidth * (double)count / counts.Total;
                svg.Append(CultureInfo.InvariantCulture,
                    $"<rect class=\"{outcome.ToString().ToLowerInvariant()}\" x=\"{x:0.##}\" y=\"{y}\" width=\"{segment:0.##}\" height=\"{BarHeight}\" fill=\"{OutcomeText.Colour(outcome)}\"><title>{E(counts.Group)}: {count} {OutcomeText.Name(outcome)}</title></rect>\n");
                x += segment;
            }

            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{LabelWidth + BarWidth + 8}\" y=\"{y + 16}\">{counts.Passed}/{counts.Total} passed</text>\n");
        }

        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static void AppendInterpreterTable(StringBuilder html, SuiteResult suite)
    {
        Dictionary<string, ImplementationCheck> checks = suite.Checks.ToDictionary(c => c.Interpreter.Label, StringComparer.Ordinal);
        html.Append("<table><tr><th>Interpreter</th><th>Implementation served by</th>");
        foreach (CaseOutcome outcome in OutcomeText.All)
        {
            html.Append("<th>").Append(OutcomeText.Name(outcome)).Append("</th>");
        }

        html.Append("<th>total</th></tr>\n");
        foreach (OutcomeCounts counts in suite.CountsByInterpreter)
        {
            PythonInterpreter interpreter = suite.Interpreters.First(i => i.Label == counts.Group);
            ImplementationCheck? check = checks.GetValueOrDefault(counts.Group);
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{E(counts.Group)}<br><small><code>{E(interpreter.ExecutablePath)}</code></small></td><td><small>{E(check?.Error ?? check?.ServedBy ?? string.Empty)}</small></td>");
            foreach (CaseOutcome outcome in OutcomeText.All)
            {
                html.Append(CultureInfo.InvariantCulture, $"<td class=\"n\">{counts[outcome]}</td>");
            }

            html.Append(CultureInfo.InvariantCulture, $"<td class=\"n\">{counts.Total}</td></tr>\n");
        }

        html.Append("</table>\n");
    }

    private static void AppendStdlibTests(StringBuilder html, SuiteResult suite)
    {
        html.Append("<h2>CPython's test_mmap</h2>\n");
        if (suite.StdlibTests.Count == 0)
        {
            html.Append("<p>Not run (<code>--no-stdlib-tests</code>, or no interpreter has the <code>test</code> package's test_mmap).</p>\n");
            return;
        }

        html.Append("<table><tr><th>Interpreter</th><th>mmap from</th><th>ran</th><th>passed</th><th>failures</th><th>errors</th><th>skipped</th><th>ended</th><th>same as CPython</th></tr>\n");
        foreach (StdlibTestComparison comparison in suite.StdlibTests)
        {
            foreach (StdlibTestRun? run in new[] { comparison.Reference, comparison.Implementation })
            {
                UnittestReport? r = run.Report;
                string same = ReferenceEquals(run, comparison.Reference) ? string.Empty : comparison.Conforms ? "yes" : "<b>no</b>";
                html.Append(CultureInfo.InvariantCulture,
                    $"<tr><td>{E(comparison.Interpreter.Label)}</td><td><code>{E(run.Module)}</code></td><td class=\"n\">{r?.Ran}</td><td class=\"n\">{r?.Passed}</td><td class=\"n\">{r?.Failures}</td><td class=\"n\">{r?.Errors}</td><td class=\"n\">{r?.Skipped}</td><td>{E(run.Error ?? run.Termination?.ToString() ?? string.Empty)}</td><td>{same}</td></tr>\n");
            }
        }

        html.Append("</table>\n");
        foreach (StdlibTestComparison? comparison in suite.StdlibTests.Where(c => c.ChangedTests.Count > 0))
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<details><summary>{comparison.ChangedTests.Count} test(s) changed on {E(comparison.Interpreter.Label)}</summary><ul>");
            foreach (ChangedTest change in comparison.ChangedTests)
            {
                html.Append(CultureInfo.InvariantCulture,
                    $"<li><code>{E(change.Test)}</code>: {E(change.Reference)} → {E(change.Implementation)}</li>");
            }

            html.Append("</ul></details>\n");
        }
    }

    private static void AppendFailures(StringBuilder html, SuiteResult suite)
    {
        List<CaseResult> failures = suite.Failures.ToList();
        html.Append(CultureInfo.InvariantCulture, $"<h2 id=\"failures\">Failures ({failures.Count})</h2>\n");
        if (failures.Count == 0)
        {
            html.Append("<p>None.</p>\n");
            return;
        }

        foreach (CaseResult? failure in failures)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<details><summary><span style=\"color:{OutcomeText.Colour(failure.Outcome)}\">{OutcomeText.Name(failure.Outcome)}</span> <code>{E(failure.Case.Id)}</code> on {E(failure.Interpreter.Label)}</summary>\n");
            if (failure.Message is not null)
            {
                html.Append("<p>").Append(E(failure.Message)).Append("</p>\n");
            }

            if (failure.Diff is not null)
            {
                html.Append("<pre>").Append(DiffLines(failure.Diff)).Append("</pre>\n");
            }

            if (failure.Implementation.Transcript is { Stderr.Length: > 0 } transcript)
            {
                string stderr = transcript.Stderr.Length <= 3000 ? transcript.Stderr : "[...]\n" + transcript.Stderr[^3000..];
                html.Append("<p>Implementation stderr (not compared):</p><pre>").Append(E(stderr)).Append("</pre>\n");
            }

            html.Append("</details>\n");
        }
    }

    private static string DiffLines(string diff)
    {
        StringBuilder lines = new();
        foreach (string line in diff.TrimEnd('\n').Split('\n'))
        {
            string? cssClass = line.StartsWith("@@", StringComparison.Ordinal) ? "hunk"
                : line.StartsWith("+++", StringComparison.Ordinal) || line.StartsWith("---", StringComparison.Ordinal) ? null
                : line.StartsWith('+') ? "add"
                : line.StartsWith('-') ? "del"
                : null;
            lines.Append(cssClass is null ? E(line) + "\n" : $"<span class=\"{cssClass}\">{E(line)}</span>");
        }

        return lines.ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
