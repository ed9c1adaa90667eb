using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using MmapNet.Discovery;
using MmapNet.TestSupport;
using NUnit.Framework;

namespace MmapNet.Reliability.Tests;

/// <summary>
/// Python threads sharing one map (readers, writers, seekers, exporters) while another thread resizes and closes it:
/// Scripts/thread_stress.py, run with the stdlib and with mmapnet on every interpreter. Neither may die, see corrupted
/// content or state, or raise an exception the stdlib cannot raise for that operation (the script asks the stdlib
/// which those are). The stdlib run is held to the same standard: that is what keeps the script's oracle honest.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.Children)]
public sealed class PythonThreadStressTests
{
    // Each run is a few dozen rounds of a fresh map and six threads; 6 s per module is about a million operations.
    private const int Seconds = 6;
    private const int Seed = 1;

    public static IEnumerable<TestCaseData> StressCases() => TestInterpreters.Cases(new[] { "mmap", "mmapnet" });

    [TestCaseSource(nameof(StressCases))]
    public async Task ThreadsSharingAMapWhileItIsResizedAndClosed_NoCrashNoCorruptionNoUnexpectedError(string label, string module)
    {
        PythonInterpreter interpreter = TestInterpreters.Get(label);
        ChildResult result = await PythonProcess.RunScriptAsync(
            interpreter, "thread_stress.py", [module, Seconds.ToString(CultureInfo.InvariantCulture), Seed.ToString(CultureInfo.InvariantCulture)],
            new PythonStart { Timeout = TimeSpan.FromMinutes(3) });
        // A use of unmapped memory is a death by signal (exit code 128 + N), a stuck thread a timeout.
        Assert.That(result.ExitCode, Is.Zero, result.Describe());

        JsonElement report = JsonDocument.Parse(result.Stdout).RootElement;
        int rounds = report.GetProperty("rounds").GetInt32();
        long operations = report.GetProperty("operations").GetInt64();
        TestContext.Out.WriteLine($"{module} on {label}: {rounds} rounds, {operations} operations; failures seen:");
        foreach (JsonProperty failure in report.GetProperty("failures").EnumerateObject())
        {
            TestContext.Out.WriteLine($"  {failure.Name}: {string.Join(" | ", failure.Value.EnumerateArray().Select(v => v.GetString()))}");
        }

        List<string> unexpected = report.GetProperty("unexpected").EnumerateObject()
            .Select(o => $"{o.Name}: {string.Join(" | ", o.Value.EnumerateArray().Select(v => v.GetString()))}").ToList();
        List<string?> corruption = report.GetProperty("corruption").EnumerateArray().Select(v => v.GetString()).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(corruption, Is.Empty, "corrupted content or state");
            Assert.That(unexpected, Is.Empty, "exceptions the stdlib does not raise for these operations");
            // The run did something: several rounds, each ending in a close that the threads ran into.
            Assert.That(rounds, Is.GreaterThanOrEqualTo(5));
            Assert.That(operations, Is.GreaterThan(10_000));
            Assert.That(report.GetProperty("failures").TryGetProperty("op_read", out JsonElement reads) &&
                        reads.EnumerateArray().Any(v => v.GetString()!.Contains("closed", StringComparison.Ordinal)),
                Is.True, "readers ran into the close");
        }
    }
}
