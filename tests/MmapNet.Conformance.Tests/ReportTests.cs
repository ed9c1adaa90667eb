using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using MmapNet.Conformance.Cases;
using MmapNet.Conformance.Reports;
using MmapNet.Conformance.Running;
using MmapNet.Conformance.Stdlib;
using MmapNet.Conformance.Transcripts;
using MmapNet.Discovery;
using MmapNet.TestSupport;
using NUnit.Framework;

namespace MmapNet.Conformance.Tests;

/// <summary>The three report files, on a made-up suite result.</summary>
[TestFixture]
public sealed class ReportTests
{
    private static readonly PythonInterpreter s_interpreter =
        new("/usr/bin/python3", "/usr/bin/python3.11", new Version(3, 11, 2), "3.11.2-system", null, true);

    [Test]
    public void JsonHasInterpretersSummariesAndTranscriptsOfFailuresOnly()
    {
        using JsonDocument document = JsonDocument.Parse(JsonReport.Serialize(Suite()));
        JsonElement root = document.RootElement;
        List<JsonElement> results = root.GetProperty("results").EnumerateArray().ToList();

        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("schemaVersion").GetInt32(), Is.EqualTo(JsonReport.SchemaVersion));
            Assert.That(root.GetProperty("implementation").GetString(), Is.EqualTo("mmapnet"));
            Assert.That(root.GetProperty("succeeded").GetBoolean(), Is.False);
            Assert.That(root.GetProperty("exitCode").GetInt32(), Is.EqualTo(1));
            Assert.That(root.GetProperty("interpreters")[0].GetProperty("label").GetString(), Is.EqualTo("3.11.2-system"));
            Assert.That(root.GetProperty("summaryByInterpreter")[0].GetProperty("differing").GetInt32(), Is.EqualTo(1));
            Assert.That(root.GetProperty("summaryByArea").GetArrayLength(), Is.EqualTo(2));
            Assert.That(results.Select(r => r.GetProperty("outcome").GetString()), Is.EqualTo(new[] { "crashed", "passed", "differing" }));
            Assert.That(results[1].TryGetProperty("implementation", out _), Is.False, "a passed case keeps no transcript");
            Assert.That(
                results[2].GetProperty("implementation").GetProperty("transcript").GetProperty("stdout").GetString(),
                Is.EqualTo("find: 0\n"));
            Assert.That(results[2].GetProperty("diff").GetString(), Does.Contain("+find: 0"));
            Assert.That(root.GetProperty("stdlibTests")[0].GetProperty("implementation").GetProperty("failures").GetInt32(), Is.EqualTo(1));
        });
    }

    [Test]
    public void HtmlIsSelfContainedWithChartsAndDiffs()
    {
        string html = HtmlReport.Render(Suite());

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.StartWith("<!DOCTYPE html>"));
            Assert.That(html, Does.Contain("<style>"));
            Assert.That(html.Split("<svg ").Length - 1, Is.EqualTo(2), "a chart per interpreter and per area");
            Assert.That(html, Does.Contain("class=\"differing\"").And.Contain("class=\"crashed\"").And.Contain("class=\"passed\""));
            Assert.That(html, Does.Contain("<span class=\"del\">-find: 3</span><span class=\"add\">+find: 0</span>"));
            Assert.That(html, Does.Not.Contain("<script"));
            Assert.That(html, Does.Not.Match("(src|href)=\"https?:"), "nothing fetched");
            Assert.That(html, Does.Contain("MmapTests.test_find"));
        });
    }

    [Test]
    public void ChartBarsAreProportionalToTheCounts()
    {
        string svg = HtmlReport.Chart(new[] { new OutcomeCounts("3.12.1-pyenv", 3, 1, 0, 0, 0) }, "test");

        Assert.Multiple(() =>
        {
            Assert.That(svg, Does.Contain("class=\"passed\" x=\"190\" y=\"8\" width=\"420\""));
            Assert.That(svg, Does.Contain("class=\"differing\" x=\"610\" y=\"8\" width=\"140\""));
            Assert.That(svg, Does.Contain("3/4 passed"));
        });
    }

    [Test]
    public void MarkdownHasTablesAndFencedDiffs()
    {
        string markdown = MarkdownReport.Render(Suite());

        Assert.Multiple(() =>
        {
            Assert.That(markdown, Does.Contain("| 3.11.2-system | mmapnet (/repo/python/mmapnet/__init__.py) | 1 | 1 | 1 | 0 | 0 | 3 |"));
            Assert.That(markdown, Does.Contain("### `find/find_basic` on 3.11.2-system: differing"));
            Assert.That(markdown, Does.Contain("```diff\n--- reference (mmap)\n+++ implementation (mmapnet)\n"));
            Assert.That(markdown, Does.Contain("- `MmapTests.test_find`: ok → FAIL"));
        });
    }

    [Test]
    public void TheWriterWritesAllThreeFiles()
    {
        using ScratchFolder folder = new("conformance-tests");
        string reportFolder = Path.Combine(folder.Path, "nested", "report");

        ReportWriter.Write(Suite(), reportFolder);

        Assert.That(
            Directory.GetFiles(reportFolder).Select(Path.GetFileName).Order(),
            Is.EqualTo(new[] { "report.html", "report.json", "report.md" }));
    }

    private static SuiteResult Suite()
    {
        RunSettings settings = new() { Layout = new RepositoryLayout("/repo") };
        CaseResult[] results = new[]
        {
            Result("find", "find_basic", "find: 3\n", "find: 0\n", Termination.Exit(0)),
            Result("close", "close_twice", "ok\n", "ok\n", Termination.Exit(0)),
            Result("close", "close_crash", "ok\n", string.Empty, Termination.Signal(11)),
        };
        ImplementationCheck[] checks = new[] { new ImplementationCheck(s_interpreter, "mmapnet", "mmapnet (/repo/python/mmapnet/__init__.py)", "mmapnet.mmap", null) };
        StdlibTestRun reference = new(
            "mmap", new UnittestReport(2, 2, 0, 0, 0, 0, 0), Termination.Exit(0), null, TimeSpan.FromSeconds(1), string.Empty,
            new System.Collections.Generic.Dictionary<string, string> { ["MmapTests.test_find"] = "ok", ["MmapTests.test_read"] = "ok" });
        StdlibTestRun implementation = reference with
        {
            Module = "mmapnet",
            Report = new UnittestReport(2, 1, 1, 0, 0, 0, 0),
            Termination = Termination.Exit(1),
            TestResults = new System.Collections.Generic.Dictionary<string, string> { ["MmapTests.test_find"] = "FAIL", ["MmapTests.test_read"] = "ok" },
        };
        return new SuiteResult(
            settings,
            "/repo/conformance/cases",
            new[] { s_interpreter },
            checks,
            results.OrderBy(r => r.Case.Id, StringComparer.Ordinal).ToList(),
            new[] { new StdlibTestComparison(s_interpreter, reference, implementation) },
            DateTimeOffset.UnixEpoch,
            TimeSpan.FromSeconds(2));
    }

    private static CaseResult Result(string area, string name, string referenceOut, string implementationOut, Termination implementationEnd) =>
        CaseResult.Compare(
            s_interpreter,
            new ConformanceCase(area, name, $"/repo/conformance/cases/{area}/{name}.py", "/repo/conformance/cases"),
            new SideRun("mmap", Transcript(referenceOut, Termination.Exit(0)), null, TimeSpan.FromMilliseconds(20), "mmap (built in)"),
            new SideRun("mmapnet", Transcript(implementationOut, implementationEnd), null, TimeSpan.FromMilliseconds(40), "mmapnet (x)"));

    private static Transcript Transcript(string stdout, Termination termination) =>
        new(stdout, stdout.Length, false, true, null, termination, string.Empty, 0);
}
