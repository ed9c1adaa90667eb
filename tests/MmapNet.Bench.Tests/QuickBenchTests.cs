using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Xml.Linq;
using NUnit.Framework;

namespace MmapNet.Bench.Tests;

/// <summary>
/// <c>python -m mmapnet bench --quick</c> runs once, and its JSON report and SVG chart are checked for
/// form and internal consistency: every operation of issue 7 measured on both sides, ratios and the
/// geometric mean that follow from the times, a chart with a bar per ratio. Never the speed itself.
/// </summary>
[TestFixture]
public sealed class QuickBenchTests
{
    // Issue 7, item 1: the operations the benchmark must measure, by the names it reports.
    private static readonly string[] ExpectedOperations =
    [
        "mmap(fileno, 0) + close, 1 MiB file",
        "mmap(-1, 1 MiB) + close",
        "len(m)",
        "m[i]",
        "m[i:j], 64 bytes",
        "m[i:j], 1 MiB",
        "m[i] = v",
        "m[i:j] = b, 64 bytes",
        "m[i:j] = b, 1 MiB",
        "read_byte()",
        "read(64)",
        "read(1 MiB)",
        "readline(), file of many lines",
        "write(64 bytes)",
        "write(1 MiB)",
        "write_byte()",
        "seek(i)",
        "tell()",
        "find, needle near the end of 64 MiB",
        "rfind, needle near the start of 64 MiB",
        "find, short (8 bytes in the first 4 KiB)",
        "rfind, short (8 bytes in the first 4 KiB)",
        "move(64 bytes)",
        "move(1 MiB)",
        "flush(), clean 1 MiB file map",
        "iteration, 16 KiB",
        "bytes(m), 1 MiB",
        "memoryview(m)[i:j]",
        "re.search, match near the end of 4 MiB",
        "re.search, match at the start",
        "resize(), 1 MiB file map, +/- 64 KiB",
    ];

    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private BenchRun _run = null!;
    private JsonDocument _report = null!;

    private JsonElement Root => _report.RootElement;

    private IEnumerable<JsonElement> Operations => Root.GetProperty("operations").EnumerateArray();

    [OneTimeSetUp]
    public void RunTheQuickBenchmark()
    {
        _run = BenchRun.Start("--quick");
        Assert.That(_run.ExitCode, Is.Zero, $"bench failed:\n{_run.Output}\n{_run.Errors}");
        _report = _run.ReadJson();
    }

    [OneTimeTearDown]
    public void RemoveTheRun()
    {
        _report?.Dispose();
        _run?.Dispose();
    }

    [Test]
    public void TheReportNamesItsSchemaSettingsAndBackend()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Root.GetProperty("schema").GetString(), Is.EqualTo("mmapnet-bench/1"));
            Assert.That(Root.GetProperty("settings").GetProperty("quick").GetBoolean(), Is.True);
            Assert.That(Root.GetProperty("settings").GetProperty("statistic").GetString(), Is.EqualTo("median"));
            Assert.That(Root.GetProperty("mmapnet").GetProperty("backend").GetString(), Is.EqualTo("coreclr"));
            Assert.That(Root.GetProperty("python").GetProperty("version").GetString(), Does.StartWith("3."));
        });
    }

    [Test]
    public void EveryOperationOfTheIssueIsMeasuredOnceInOrder()
    {
        var names = Operations.Select(o => o.GetProperty("name").GetString()).ToArray();

        Assert.That(names, Is.EqualTo(ExpectedOperations));
    }

    [Test]
    public void EachOperationHasItsSamplesMedianAndRatio()
    {
        int repeats = Root.GetProperty("settings").GetProperty("repeats").GetInt32();
        Assert.Multiple(() =>
        {
            foreach (JsonElement operation in Operations)
            {
                string name = operation.GetProperty("name").GetString()!;
                double[] medians = new double[2];
                foreach ((string side, int index) in new[] { ("stdlib", 0), ("mmapnet", 1) })
                {
                    JsonElement measured = operation.GetProperty(side);
                    double[] samples = measured.GetProperty("samples_ns").EnumerateArray().Select(s => s.GetDouble()).ToArray();
                    Assert.That(samples, Has.Length.EqualTo(repeats), $"{name}: {side} samples");
                    Assert.That(samples, Has.All.GreaterThan(0), $"{name}: {side} samples");
                    medians[index] = measured.GetProperty("ns_median").GetDouble();
                    Assert.That(medians[index], Is.EqualTo(Median(samples)).Within(1e-9).Percent, $"{name}: {side} median");
                    Assert.That(measured.GetProperty("ns_min").GetDouble(), Is.EqualTo(samples.Min()), $"{name}: {side} minimum");
                }

                Assert.That(operation.GetProperty("ratio").GetDouble(), Is.EqualTo(medians[1] / medians[0]).Within(1e-9).Percent, $"{name}: ratio");
                Assert.That(operation.GetProperty("number").GetInt64(), Is.Positive, $"{name}: loop count");
            }
        });
    }

    [Test]
    public void BulkOperationsReportThroughputAndOthersDoNot()
    {
        Assert.Multiple(() =>
        {
            foreach (JsonElement operation in Operations)
            {
                string name = operation.GetProperty("name").GetString()!;
                double bytes = operation.GetProperty("bytes_per_operation").GetDouble();
                foreach (string side in new[] { "stdlib", "mmapnet" })
                {
                    JsonElement rate = operation.GetProperty(side).GetProperty("mib_per_s");
                    if (bytes > 0)
                    {
                        double expected = bytes / operation.GetProperty(side).GetProperty("ns_median").GetDouble() * 1e9 / (1 << 20);
                        Assert.That(rate.GetDouble(), Is.EqualTo(expected).Within(1e-9).Percent, $"{name}: {side} MiB/s");
                    }
                    else
                    {
                        Assert.That(rate.ValueKind, Is.EqualTo(JsonValueKind.Null), $"{name}: {side} MiB/s");
                    }
                }
            }

            Assert.That(Operations.Single(o => o.GetProperty("name").GetString() == "m[i:j], 1 MiB").GetProperty("bytes_per_operation").GetDouble(), Is.EqualTo(1 << 20));
        });
    }

    [Test]
    public void TheGeometricMeanIsThatOfTheRatios()
    {
        double[] ratios = Operations.Select(o => o.GetProperty("ratio").GetDouble()).ToArray();

        double expected = Math.Exp(ratios.Average(Math.Log));

        Assert.That(Root.GetProperty("geometric_mean").GetDouble(), Is.EqualTo(expected).Within(1e-9).Percent);
    }

    [Test]
    public void ImportTimesAreMeasuredInFreshProcesses()
    {
        JsonElement imports = Root.GetProperty("import");

        Assert.Multiple(() =>
        {
            Assert.That(imports.GetProperty("mmap_ms_median").GetDouble(), Is.Positive);
            Assert.That(imports.GetProperty("mmapnet_ms_median").GetDouble(), Is.Positive);
            Assert.That(imports.GetProperty("mmapnet_backend").GetString(), Is.EqualTo("coreclr"));
            Assert.That(imports.GetProperty("samples_ms").GetProperty("mmapnet").GetArrayLength(), Is.EqualTo(imports.GetProperty("runs").GetInt32()));
        });
    }

    [Test]
    public void TheTargetsOfTheIssueAreEachJudged()
    {
        var targets = Root.GetProperty("targets").EnumerateObject().ToDictionary(p => p.Name, p => p.Value);

        Assert.Multiple(() =>
        {
            Assert.That(targets.Keys, Is.EquivalentTo(new[]
            {
                "every_ratio_at_most_1_2", "geometric_mean_at_most_1_0", "find_rfind_64mib_3x_faster",
                "bulk_reads_no_slower", "import_under_100ms_warm",
            }));
            Assert.That(targets.Values.Select(t => t.GetProperty("met").ValueKind), Has.All.AnyOf(JsonValueKind.True, JsonValueKind.False));
            var over = targets["every_ratio_at_most_1_2"].GetProperty("over").EnumerateArray().Select(n => n.GetString()).ToArray();
            var expectedOver = Operations.Where(o => o.GetProperty("ratio").GetDouble() > 1.2).Select(o => o.GetProperty("name").GetString()).ToArray();
            Assert.That(over, Is.EqualTo(expectedOver));
            Assert.That(targets["find_rfind_64mib_3x_faster"].GetProperty("speedups").EnumerateObject().Select(p => p.Name),
                Is.EqualTo(new[] { "find, needle near the end of 64 MiB", "rfind, needle near the start of 64 MiB" }));
        });
    }

    [Test]
    public void TheTextOutputHasARowPerOperationAndTheGeometricMean()
    {
        string[] lines = _run.Output.Split('\n');
        // Rows are the name padded to 44 columns, then the numbers.
        string[] rowNames = lines.Where(l => l.Length > 44).Select(l => l[..44].TrimEnd()).ToArray();

        Assert.Multiple(() =>
        {
            foreach (string name in ExpectedOperations)
            {
                Assert.That(rowNames.Count(n => n == name), Is.EqualTo(1), name);
            }

            Assert.That(lines, Has.One.StartsWith("geometric mean of the ratios"));
            Assert.That(lines, Has.One.StartsWith("import (warm)"));
        });
    }

    [Test]
    public void TheChartIsAnSvgWithABarAndLabelPerRatioAndTheTargetLines()
    {
        XDocument chart = XDocument.Load(_run.ChartPath);
        var texts = chart.Descendants(Svg + "text").Select(t => t.Value).ToList();
        var bars = chart.Descendants(Svg + "rect").Skip(1).ToList(); // the first is the background
        var ratioLabels = Operations.Select(o => o.GetProperty("ratio").GetDouble().ToString("0.00", System.Globalization.CultureInfo.InvariantCulture))
            .Append(Root.GetProperty("geometric_mean").GetDouble().ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));

        Assert.Multiple(() =>
        {
            Assert.That(chart.Root!.Name, Is.EqualTo(Svg + "svg"));
            Assert.That(bars, Has.Count.EqualTo(ExpectedOperations.Length + 1));
            Assert.That(bars.Select(b => double.Parse(b.Attribute("width")!.Value, System.Globalization.CultureInfo.InvariantCulture)), Has.All.Positive);
            Assert.That(texts, Is.SupersetOf(ExpectedOperations.Append("geometric mean")));
            Assert.That(texts, Is.SupersetOf(ratioLabels));
            Assert.That(texts, Is.SupersetOf(new[] { "1.0", "1.2" }));
            Assert.That(chart.Descendants(Svg + "line").Count(l => l.Attribute("stroke-dasharray") != null), Is.EqualTo(1), "the dashed 1.2 line");
        });
    }

    private static double Median(double[] values)
    {
        double[] sorted = values.Order().ToArray();
        int middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
