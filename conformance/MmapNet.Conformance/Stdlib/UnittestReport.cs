using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;

namespace MmapNet.Conformance.Stdlib;

/// <summary>What <c>python -m unittest -v</c> reported in its closing lines (<c>Ran N tests</c>, <c>OK</c>/<c>FAILED (...)</c>).</summary>
/// <param name="Ran">Tests run, as unittest counts them (<c>Ran N tests</c>; 3.12.0 and 3.12.1 leave skipped tests out).</param>
/// <param name="Passed">Tests reported <c>ok</c> or <c>expected failure</c> in the verbose lines.</param>
/// <param name="Failures">Failed tests.</param>
/// <param name="Errors">Tests that raised.</param>
/// <param name="Skipped">Skipped tests.</param>
/// <param name="ExpectedFailures">Expected failures (counted as passed).</param>
/// <param name="UnexpectedSuccesses">Unexpected successes (counted as not passed).</param>
public sealed partial record UnittestReport(
    int Ran,
    int Passed,
    int Failures,
    int Errors,
    int Skipped,
    int ExpectedFailures,
    int UnexpectedSuccesses)
{
    /// <summary>Whether two reports have the same counts.</summary>
    /// <param name="other">The other report.</param>
    /// <returns><see langword="true"/> when every count is the same.</returns>
    public bool SameCounts(UnittestReport other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return (Ran, Passed, Failures, Errors, Skipped, ExpectedFailures, UnexpectedSuccesses) ==
            (other.Ran, other.Passed, other.Failures, other.Errors, other.Skipped, other.ExpectedFailures, other.UnexpectedSuccesses);
    }

    /// <summary>The result word printed for a test that started but never got one: the process died during it.</summary>
    public const string Unfinished = "did not finish";

    /// <summary>Reads the closing counts of unittest's output (it goes to stderr).</summary>
    /// <param name="output">The output.</param>
    /// <returns>The report, or <see langword="null"/> when there is no <c>Ran N tests</c> line (unittest did not finish).</returns>
    public static UnittestReport? Parse(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        Match? ran = RanLine().Matches(output).LastOrDefault();
        if (ran is null)
        {
            return null;
        }

        Dictionary<string, int> counts = new(StringComparer.Ordinal);
        if (ResultLine().Matches(output).LastOrDefault() is { } result && result.Groups["counts"].Success)
        {
            foreach (string part in result.Groups["counts"].Value.Split(',', StringSplitOptions.TrimEntries))
            {
                string[] pieces = part.Split('=');
                if (pieces.Length == 2 && int.TryParse(pieces[1], NumberStyles.None, CultureInfo.InvariantCulture, out int n))
                {
                    counts[pieces[0]] = n;
                }
            }
        }

        // Passed is counted from the verbose lines rather than worked out from "Ran", whose meaning changed between versions.
        int passed = ParseTestResults(output).Values.Count(result => result is "ok" or "expected failure");
        return new UnittestReport(
            int.Parse(ran.Groups["ran"].Value, CultureInfo.InvariantCulture),
            passed,
            counts.GetValueOrDefault("failures"),
            counts.GetValueOrDefault("errors"),
            counts.GetValueOrDefault("skipped"),
            counts.GetValueOrDefault("expected failures"),
            counts.GetValueOrDefault("unexpected successes"));
    }

    /// <summary>
    /// Reads each test's result from unittest's verbose output, by <c>Class.test_name</c>: <c>ok</c>, <c>FAIL</c>,
    /// <c>ERROR</c>, <c>skipped</c>, <c>expected failure</c>, <c>unexpected success</c>, or <see cref="Unfinished"/> for the
    /// test the output stops in (the process died or was killed). Works on output cut short, where the counts are missing.
    /// </summary>
    /// <param name="output">The output.</param>
    /// <returns>The results.</returns>
    public static IReadOnlyDictionary<string, string> ParseTestResults(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        SortedDictionary<string, string> tests = new(StringComparer.Ordinal);
        foreach (Match match in TestLine().Matches(output))
        {
            tests[TestKey(match.Groups["name"].Value, match.Groups["where"].Value)] = ResultWord(match.Groups["result"].Value);
        }

        // Output that stops before the closing counts stops in the test that was running: the last one started.
        if (!RanLine().IsMatch(output) && TestStart().Matches(output).LastOrDefault() is { } started)
        {
            tests.TryAdd(TestKey(started.Groups["name"].Value, started.Groups["where"].Value), Unfinished);
        }

        return tests;
    }

    // "test_x (test.test_mmap.MmapTests.test_x)" on 3.11+, "test_x (test.test_mmap.MmapTests)" before: both become
    // "MmapTests.test_x".
    private static string TestKey(string name, string where)
    {
        string[] parts = where.Split('.');
        string last = parts.Length > 1 && parts[^1] == name ? parts[^2] : parts[^1];
        return $"{last}.{name}";
    }

    private static string ResultWord(string result) =>
        result.StartsWith("skipped", StringComparison.Ordinal) ? "skipped" : result.Trim();

    [GeneratedRegex(@"^Ran (?<ran>\d+) tests? in ", RegexOptions.Multiline)]
    private static partial Regex RanLine();

    [GeneratedRegex(@"^(?:OK|FAILED)(?: \((?<counts>[^)]*)\))?\s*$", RegexOptions.Multiline)]
    private static partial Regex ResultLine();

    // A verbose result line; a test with a docstring puts the docstring's first line between the name and " ... ".
    [GeneratedRegex(@"^(?<name>test\w*) \((?<where>[\w.]+)\)(?:\r?\n[^\n]*?)? \.\.\. (?<result>ok|FAIL|ERROR|skipped.*|expected failure|unexpected success)\r?$", RegexOptions.Multiline)]
    private static partial Regex TestLine();

    // The start of a verbose test line: "test_x (module.Class.test_x)".
    [GeneratedRegex(@"^(?<name>test\w*) \((?<where>[\w.]+)\)", RegexOptions.Multiline)]
    private static partial Regex TestStart();
}
