using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Xml.Linq;
using NUnit.Framework;

namespace MmapNet.Bench.Tests;

/// <summary>
/// <c>python -m mmapnet bench --quick</c> runs once, and its JSON report and SVG chart are checked for
/// form and internal consistency: every operation measured on both sides, warm and cold (in a fresh process), ratios,
/// floors and geometric means that follow from the times, a chart with two bars per operation. Never the speed itself.
/// </summary>
[TestFixture]
public sealed class QuickBenchTests
{
    // The operations the benchmark must measure, by the names it reports.
    private static readonly string[] s_expectedOperations =
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

    // The operations bounded by the call into .NET, compared with an empty slot or method of the same kind, and how many
    // such calls one operation makes.
    private static readonly Dictionary<string, int> s_flooredOperations = new()
    {
        ["len(m)"] = 1, ["m[i]"] = 1, ["read_byte()"] = 1, ["tell()"] = 1, ["readline(), file of many lines"] = 1,
        ["seek(i)"] = 1, ["write_byte()"] = 1, ["iteration, 16 KiB"] = 16 * 1024,
        ["memoryview(m)[i:j]"] = 1, // two slots (get and release), as one call on both sides
    };

    private static readonly XNamespace s_svg = "http://www.w3.org/2000/svg";

    private BenchRun _run = null!;
    private JsonDocument _report = null!;

    private JsonElement Root => _report.RootElement;

    private IEnumerable<JsonElement> Operations => Root.GetProperty("operations").EnumerateArray();

    [OneTimeSetUp]
    public void RunTheQuickBenchmark()
    {
        _run = BenchRun.Start("--quick");
        _report = _run.ReadReportOfSuccess();
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
            Assert.That(Root.GetProperty("schema").GetString(), Is.EqualTo("mmapnet-bench/2"));
            Assert.That(Root.GetProperty("settings").GetProperty("quick").GetBoolean(), Is.True);
            Assert.That(Root.GetProperty("settings").GetProperty("statistic").GetString(), Is.EqualTo("median"));
            Assert.That(Root.GetProperty("mmapnet").GetProperty("backend").GetString(), Is.EqualTo("coreclr"));
            Assert.That(Root.GetProperty("python").GetProperty("version").GetString(), Does.StartWith("3."));
        });
    }

    [Test]
    public void EveryOperationIsMeasuredOnceInOrder()
    {
        string?[] names = Operations.Select(o => o.GetProperty("name").GetString()).ToArray();

        Assert.That(names, Is.EqualTo(s_expectedOperations));
    }

    [Test]
    public void EachOperationHasItsSamplesMedianAndRatioWarm()
    {
        int repeats = Root.GetProperty("settings").GetProperty("repeats").GetInt32();
        Assert.Multiple(() => CheckSamplesMedianAndRatio(Operations, repeats, "warm"));
    }

    [Test]
    public void EachOperationHasItsSamplesMedianAndRatioColdFromAFreshProcess()
    {
        // A quick run times cold operations 3 times, as `python -m timeit` would with its repeats cut down.
        Assert.Multiple(() =>
        {
            CheckSamplesMedianAndRatio(Operations.Select(o => o.GetProperty("cold")), 3, "cold");
            int[] processes = Operations.Select(o => o.GetProperty("cold").GetProperty("process_id").GetInt32()).ToArray();
            Assert.That(processes, Is.Unique, "a process per operation");
            Assert.That(processes, Has.None.EqualTo(Root.GetProperty("process_id").GetInt32()), "not the warm run's process");
            // One cold process per operation by default, listed with the figures the operation reports.
            Assert.That(Operations.Select(o => o.GetProperty("cold").GetProperty("processes").GetArrayLength()), Has.All.EqualTo(1));
            Assert.That(Operations.Select(o => o.GetProperty("cold").GetProperty("processes")[0].GetProperty("process_id").GetInt32()),
                Is.EqualTo(processes));
            // The cold process warms up and measures again: cold is compared with that process's own warm ratio.
            CheckSamplesMedianAndRatio(Operations.Select(o => o.GetProperty("cold").GetProperty("warm_in_this_process")), 3,
                "warm, in the cold process");
            foreach (JsonElement operation in Operations)
            {
                JsonElement cold = operation.GetProperty("cold");
                double expected = cold.GetProperty("ratio").GetDouble() / cold.GetProperty("warm_in_this_process").GetProperty("ratio").GetDouble();
                Assert.That(operation.GetProperty("cold_ratio_over_warm_ratio").GetDouble(), Is.EqualTo(expected).Within(1e-9).Percent,
                    operation.GetProperty("name").GetString());
            }
        });
    }

    [Test]
    public void TheFirstLoopInTheColdProcessIsReportedForBothSides()
    {
        Assert.Multiple(() =>
        {
            foreach (JsonElement operation in Operations)
            {
                string name = operation.GetProperty("name").GetString()!;
                foreach (string side in new[] { "stdlib", "mmapnet" })
                {
                    Assert.That(operation.GetProperty("cold").GetProperty(side).GetProperty("first_loop_ns").GetDouble(), Is.Positive,
                        $"{name}: {side}");
                    Assert.That(operation.GetProperty(side).TryGetProperty("first_loop_ns", out _), Is.False,
                        $"{name}: {side}, warm: no first loop in the warmed-up process");
                }
            }
        });
    }

    [Test]
    public void OperationsBoundedByTheCallIntoDotNetAreComparedWithTheirFloor()
    {
        Assert.Multiple(() =>
        {
            foreach (JsonElement operation in Operations)
            {
                string name = operation.GetProperty("name").GetString()!;
                foreach ((JsonElement measured, string when) in new[] { (operation, "warm"), (operation.GetProperty("cold"), "cold") })
                {
                    if (!s_flooredOperations.TryGetValue(name, out int calls))
                    {
                        Assert.That(measured.TryGetProperty("floor", out _), Is.False, $"{name} ({when}) has no floor");
                        continue;
                    }

                    JsonElement floor = measured.GetProperty("floor");
                    double perCall = measured.GetProperty("mmapnet").GetProperty("ns_median").GetDouble() / calls;
                    Assert.That(floor.GetProperty("ns_per_call").GetDouble(), Is.Positive, $"{name} ({when}): floor");
                    Assert.That(floor.GetProperty("mmapnet_ns_per_call").GetDouble(), Is.EqualTo(perCall).Within(1e-9).Percent, $"{name} ({when})");
                    Assert.That(floor.GetProperty("over_floor_ns").GetDouble(),
                        Is.EqualTo(perCall - floor.GetProperty("ns_per_call").GetDouble()).Within(1e-6), $"{name} ({when}): over the floor");
                    Assert.That(floor.GetProperty("statement").GetString(), Does.Contain("f"), $"{name} ({when}): the floor's statement");
                }
            }
        });
    }

    private static void CheckSamplesMedianAndRatio(IEnumerable<JsonElement> operations, int repeats, string when)
    {
        foreach (JsonElement operation in operations)
        {
            string name = operation.GetProperty("name").GetString()! + " (" + when + ")";
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

        double[] coldRatios = Operations.Select(o => o.GetProperty("cold").GetProperty("ratio").GetDouble()).ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(Root.GetProperty("geometric_mean").GetDouble(), Is.EqualTo(Math.Exp(ratios.Average(Math.Log))).Within(1e-9).Percent);
            Assert.That(Root.GetProperty("cold_geometric_mean").GetDouble(), Is.EqualTo(Math.Exp(coldRatios.Average(Math.Log))).Within(1e-9).Percent);
        });
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
    public void TheTargetsAreEachJudged()
    {
        Dictionary<string, JsonElement> targets = Root.GetProperty("targets").EnumerateObject().ToDictionary(p => p.Name, p => p.Value);

        Assert.Multiple(() =>
        {
            Assert.That(targets.Keys, Is.EquivalentTo(new[]
            {
                "every_ratio_at_most_1_25_or_within_2_ns_of_its_floor", "geometric_mean_at_most_0_90", "cold_within_10_percent_of_warm",
                "find_rfind_64mib_3x_faster", "bulk_reads_no_slower", "import_under_100ms_warm",
            }));
            Assert.That(targets.Where(t => t.Key != "cold_within_10_percent_of_warm").Select(t => t.Value.GetProperty("met").ValueKind),
                Has.All.AnyOf(JsonValueKind.True, JsonValueKind.False));
            // One cold process per operation resolves about 30% here: the 10% criterion is not judged on it.
            Assert.That(targets["cold_within_10_percent_of_warm"].GetProperty("met").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(targets["cold_within_10_percent_of_warm"].GetProperty("cold_processes").GetInt32(), Is.EqualTo(1));
            Assert.That(_run.Output, Does.Contain("cold_within_10_percent_of_warm           not judged: needs --cold-processes 3 or more"));
            JsonElement ratios = targets["every_ratio_at_most_1_25_or_within_2_ns_of_its_floor"];
            Assert.That(Names(ratios.GetProperty("over_warm")), Is.EqualTo(OverTheLimit(o => o)), "warm");
            Assert.That(Names(ratios.GetProperty("over_cold")), Is.EqualTo(OverTheLimit(o => o.GetProperty("cold"))), "cold");
            Assert.That(Names(targets["cold_within_10_percent_of_warm"].GetProperty("over")),
                Is.EqualTo(Operations.Where(o => o.GetProperty("cold_ratio_over_warm_ratio").GetDouble() > 1.10).Select(o => o.GetProperty("name").GetString())));
            double mean = Root.GetProperty("geometric_mean").GetDouble(), coldMean = Root.GetProperty("cold_geometric_mean").GetDouble();
            Assert.That(targets["geometric_mean_at_most_0_90"].GetProperty("met").GetBoolean(), Is.EqualTo(mean <= 0.90 && coldMean <= 0.90));
            Assert.That(targets["find_rfind_64mib_3x_faster"].GetProperty("speedups").EnumerateObject().Select(p => p.Name),
                Is.EqualTo(new[] { "find, needle near the end of 64 MiB", "rfind, needle near the start of 64 MiB" }));
        });
    }

    // Over 1.25 and not within 2 ns of its floor (an operation without a floor has no such excuse).
    private string?[] OverTheLimit(Func<JsonElement, JsonElement> measured) => Operations
        .Where(o => measured(o).GetProperty("ratio").GetDouble() > 1.25
            && (!measured(o).TryGetProperty("floor", out JsonElement floor) || floor.GetProperty("over_floor_ns").GetDouble() > 2.0))
        .Select(o => o.GetProperty("name").GetString()).ToArray();

    private static string?[] Names(JsonElement array) => array.EnumerateArray().Select(n => n.GetString()).ToArray();

    [Test]
    public void TheTextOutputHasARowPerOperationAndTheGeometricMean()
    {
        string[] lines = _run.Output.Split('\n');
        // Rows are the name padded to 44 columns, then the numbers.
        string[] rowNames = lines.Where(l => l.Length > 44).Select(l => l[..44].TrimEnd()).ToArray();

        Assert.Multiple(() =>
        {
            // A row in the warm table, one in the cold table, and one in the floor table for those with a floor.
            foreach (string name in s_expectedOperations)
            {
                Assert.That(rowNames.Count(n => n == name), Is.EqualTo(s_flooredOperations.ContainsKey(name) ? 3 : 2), name);
            }

            Assert.That(lines, Has.One.StartsWith("geometric mean of the ratios"));
            Assert.That(lines, Has.One.StartsWith("import (warm)"));
        });
    }

    [Test]
    public void TheChartIsAnSvgWithTwoBarsAndALabelPerOperationAndTheTargetLines()
    {
        XDocument chart = XDocument.Load(_run.ChartPath);
        List<string> texts = chart.Descendants(s_svg + "text").Select(t => t.Value).ToList();
        List<XElement> bars = chart.Descendants(s_svg + "rect").Skip(3).ToList(); // the background, then the legend's two
        CultureInfo invariant = System.Globalization.CultureInfo.InvariantCulture;
        IEnumerable<string> labels = Operations.Select(o => (o.GetProperty("ratio").GetDouble(), o.GetProperty("cold").GetProperty("ratio").GetDouble()))
            .Append((Root.GetProperty("geometric_mean").GetDouble(), Root.GetProperty("cold_geometric_mean").GetDouble()))
            .Select(pair => pair.Item1.ToString("0.00", invariant) + " / " + pair.Item2.ToString("0.00", invariant));

        Assert.Multiple(() =>
        {
            Assert.That(chart.Root!.Name, Is.EqualTo(s_svg + "svg"));
            Assert.That(bars, Has.Count.EqualTo(2 * (s_expectedOperations.Length + 1)));
            Assert.That(bars.Select(b => double.Parse(b.Attribute("width")!.Value, invariant)), Has.All.Positive);
            Assert.That(texts, Is.SupersetOf(s_expectedOperations.Append("geometric mean")));
            Assert.That(texts, Is.SupersetOf(labels));
            Assert.That(texts, Is.SupersetOf(new[] { "1.0", "1.25" }));
            Assert.That(texts.Count(t => t.StartsWith("warm:", StringComparison.Ordinal) || t.StartsWith("cold:", StringComparison.Ordinal)), Is.EqualTo(2), "the legend");
            Assert.That(chart.Descendants(s_svg + "line").Count(l => l.Attribute("stroke-dasharray") != null), Is.EqualTo(1), "the dashed 1.25 line");
        });
    }

    private static double Median(double[] values)
    {
        double[] sorted = values.Order().ToArray();
        int middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
