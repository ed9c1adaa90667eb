using System.Linq;
using System.Text.Json;
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
        Assert.That(run.ExitCode, Is.Zero, $"bench failed:\n{run.Output}\n{run.Errors}");
        using JsonDocument report = run.ReadJson();
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
}
