using System.Linq;
using System.Text.Json;
using MmapNet.TestSupport;
using NUnit.Framework;

namespace MmapNet.Bench.Tests;

/// <summary><c>--filter</c> and <c>--repeat</c> choose what runs, and the report says what was chosen.</summary>
[TestFixture]
public sealed class FilteredBenchTests
{
    [Test]
    public void AFilterRunsOnlyTheMatchingOperationsAndSkipsTheImportTiming()
    {
        using BenchRun run = BenchRun.Start("--quick", "--filter", "FIND", "--repeat", "2");
        using JsonDocument report = run.ReadReportOfSuccess();
        JsonElement root = report.RootElement;

        string?[] names = root.GetProperty("operations").EnumerateArray().Select(o => o.GetProperty("name").GetString()).ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(names, Is.EqualTo(new[]
            {
                "find, needle near the end of 64 MiB", "rfind, needle near the start of 64 MiB",
                "find, short (8 bytes in the first 4 KiB)", "rfind, short (8 bytes in the first 4 KiB)",
            }));
            Assert.That(root.GetProperty("settings").GetProperty("repeats").GetInt32(), Is.EqualTo(2));
            Assert.That(root.GetProperty("settings").GetProperty("filter").GetString(), Is.EqualTo("FIND"));
            Assert.That(root.GetProperty("import").ValueKind, Is.EqualTo(JsonValueKind.Null));
            // What the run did not measure is not judged.
            JsonElement targets = root.GetProperty("targets");
            Assert.That(targets.GetProperty("import_under_100ms_warm").GetProperty("met").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(targets.GetProperty("bulk_reads_no_slower").GetProperty("met").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(targets.GetProperty("find_rfind_64mib_3x_faster").GetProperty("met").ValueKind, Is.AnyOf(JsonValueKind.True, JsonValueKind.False));
            Assert.That(root.GetProperty("operations")[0].GetProperty("stdlib").GetProperty("samples_ns").GetArrayLength(), Is.EqualTo(2));
        });
    }

    [Test]
    public void SeveralColdProcessesAreEachReportedAndTheMedianOneIsJudged()
    {
        using BenchRun run = BenchRun.Start("--quick", "--filter", "tell", "--cold-processes", "3");
        using JsonDocument report = run.ReadReportOfSuccess();
        JsonElement root = report.RootElement;
        JsonElement operation = root.GetProperty("operations").EnumerateArray().Single();
        JsonElement cold = operation.GetProperty("cold");
        JsonElement[] processes = cold.GetProperty("processes").EnumerateArray().ToArray();
        double[] coldOverWarm = processes.Select(p => p.GetProperty("cold_ratio_over_warm_ratio").GetDouble()).ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("settings").GetProperty("cold_processes").GetInt32(), Is.EqualTo(3));
            Assert.That(processes.Select(p => p.GetProperty("process_id").GetInt32()).ToArray(), Is.Unique.And.Length.EqualTo(3));
            foreach (JsonElement process in processes)
            {
                Assert.That(process.GetProperty("cold_ratio_over_warm_ratio").GetDouble(),
                    Is.EqualTo(process.GetProperty("ratio").GetDouble() / process.GetProperty("warm_in_this_process_ratio").GetDouble()).Within(1e-9).Percent);
            }

            // The operation's cold figures are those of the median process, and so is its cold/warm.
            double median = coldOverWarm.OrderBy(r => r).ElementAt(1);
            Assert.That(operation.GetProperty("cold_ratio_over_warm_ratio").GetDouble(), Is.EqualTo(median).Within(1e-9).Percent);
            JsonElement chosen = processes.Single(p => p.GetProperty("process_id").GetInt32() == cold.GetProperty("process_id").GetInt32());
            Assert.That(chosen.GetProperty("cold_ratio_over_warm_ratio").GetDouble(), Is.EqualTo(median).Within(1e-9).Percent);
            Assert.That(cold.GetProperty("ratio").GetDouble(), Is.EqualTo(chosen.GetProperty("ratio").GetDouble()));

            // Three processes are enough to judge cold against warm, on the median.
            JsonElement coldTarget = root.GetProperty("targets").GetProperty("cold_within_10_percent_of_warm");
            Assert.That(coldTarget.GetProperty("met").GetBoolean(), Is.EqualTo(median <= 1.10));
        });
    }

    [Test]
    public void TheMedianProcessIsChosenByColdOverWarmAndIsTheUpperMiddleOfAnEvenCount()
    {
        // Made-up processes, (cold ratio, warm ratio in that process) each; the answer is the index of the one chosen.
        // The fourth case tells cold/warm from the cold ratio alone: by cold ratio the median would be index 2.
        const string Cases = "[[[1.0, 1.0]], [[1.0, 1.0], [1.2, 1.0]], [[2.0, 1.0], [1.0, 1.0], [1.5, 1.0]], " +
                             "[[1.0, 0.5], [1.2, 1.0], [1.1, 10.0]], [[1.0, 1.0], [4.0, 1.0], [2.0, 1.0], [3.0, 1.0]]]";
        const string Code = "import json, sys\n" +
                            "from mmapnet._bench import _median_process\n" +
                            "print(json.dumps([_median_process([{'ratio': r, 'warm_in_this_process': {'ratio': w}, 'index': i}\n" +
                            "                                   for i, (r, w) in enumerate(case)])['index'] for case in json.loads(sys.argv[1])]))\n";
        ChildResult result = PythonProcess.RunAsync(TestInterpreters.Newest, new[] { "-c", Code, Cases }).GetAwaiter().GetResult();

        Assert.That(result.ExitCode, Is.Zero, result.Stderr);
        Assert.That(JsonSerializer.Deserialize<int[]>(result.Stdout), Is.EqualTo(new[] { 0, 1, 2, 1, 3 }));
    }

    [Test]
    public void ZeroColdProcessesIsAUsageError()
    {
        using BenchRun run = BenchRun.Start("--quick", "--filter", "tell", "--cold-processes", "0");
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2), run.Output);
            Assert.That(run.Errors, Does.Contain("--cold-processes must be at least 1"));
        });
    }
}
