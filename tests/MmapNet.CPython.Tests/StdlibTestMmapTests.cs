using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using MmapNet.CPython.Tests.Support;
using MmapNet.Discovery;
using MmapNet.TestSupport;
using NUnit.Framework;

namespace MmapNet.CPython.Tests;

/// <summary>
/// CPython's own test_mmap, from each interpreter's test package, run once with the stdlib's <c>mmap</c> and once with
/// <c>sys.modules['mmap']</c> replaced by <c>mmapnet</c> (Scripts/run_test_mmap.py): every test must end the same way
/// with both, so every test that passes with the stdlib passes with mmapnet, and mmapnet skips only what the stdlib skips.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.Children)]
public sealed class StdlibTestMmapTests
{
    // Fewer passing tests than this means the run did not really exercise the module (test_mmap has 36 to 40 tests
    // that pass on Linux on every supported version).
    private const int MinimumPassed = 30;

    public static IEnumerable<TestCaseData> AllInterpreters() => TestInterpreters.Cases();

    [TestCaseSource(nameof(AllInterpreters))]
    public async Task TestMmap_EveryTestEndsWithMmapnetAsItEndsWithTheStdlib(string label)
    {
        PythonInterpreter interpreter = TestInterpreters.Get(label);
        if (!interpreter.HasStdlibMmapTests)
        {
            Assert.Fail(
                $"{interpreter.ExecutablePath} has no test.test_mmap: its test package is not installed. " +
                "On Debian it is the libpython3.X-testsuite package; run .ci/setup (as root) to install it.");
        }

        TestMmapRun stdlib = await TestMmapRun.RunAsync(interpreter, SnippetComparison.Stdlib);
        TestMmapRun mmapnet = await TestMmapRun.RunAsync(interpreter, SnippetComparison.Implementation);

        TestContext.Out.WriteLine($"test_mmap on {label} ({stdlib.Setup.GetProperty("test_module_file").GetString()}):");
        TestContext.Out.WriteLine($"  stdlib mmap: {stdlib.Summary()}");
        TestContext.Out.WriteLine($"  mmapnet ({mmapnet.Setup.GetProperty("backend").GetString()}): {mmapnet.Summary()}");

        Assert.Multiple(() =>
        {
            Assert.That(stdlib.Setup.GetProperty("served_by").GetString(), Is.EqualTo("mmap"), "the stdlib run is served by mmap");
            Assert.That(stdlib.Setup.GetProperty("map_type_is_stdlib_type").GetBoolean(), Is.True, "the stdlib run uses the stdlib's type");
            Assert.That(mmapnet.Setup.GetProperty("served_by").GetString(), Is.EqualTo("mmapnet"), "test_mmap's mmap global is mmapnet");
            Assert.That(mmapnet.Setup.GetProperty("test_module_uses_module").GetBoolean(), Is.True, "test_mmap's mmap global is the mmapnet module");
            Assert.That(mmapnet.Setup.GetProperty("map_type_is_module_type").GetBoolean(), Is.True, "test_mmap's maps are mmapnet's type");
            Assert.That(mmapnet.Setup.GetProperty("map_type_is_stdlib_type").GetBoolean(), Is.False, "test_mmap's maps are not the stdlib's type");
        });
        Assert.That(stdlib.Finished, Is.True, $"the stdlib run did not finish:\n{stdlib.Process.Describe()}");
        Assert.That(stdlib.Count("passed"), Is.GreaterThan(MinimumPassed), $"too few tests passed with the stdlib to mean anything: {stdlib.Summary()}");
        Assert.That(mmapnet.Finished, Is.True, $"the mmapnet run did not finish (it was in {mmapnet.LastStarted}):\n{mmapnet.Process.Describe()}");

        List<string> differences = stdlib.Outcomes.Keys.Union(mmapnet.Outcomes.Keys)
            .Order(StringComparer.Ordinal)
            .Where(id => stdlib.OutcomeOf(id) != mmapnet.OutcomeOf(id))
            .Select(id => $"{id}: stdlib {stdlib.OutcomeOf(id)}, mmapnet {mmapnet.OutcomeOf(id)}\n{Indent(mmapnet.DetailOf(id) ?? stdlib.DetailOf(id))}")
            .ToList();
        Assert.That(differences.Count, Is.Zero, $"tests that end differently with mmapnet:\n{string.Join("\n", differences)}");
    }

    private static string Indent(string? text) =>
        text is null ? string.Empty : string.Join("\n", text.TrimEnd().Split('\n').Select(line => "    " + line));

    /// <summary>One run of run_test_mmap.py and what it recorded.</summary>
    private sealed class TestMmapRun
    {
        private readonly Dictionary<string, (string Outcome, string? Detail)> _outcomes = new(StringComparer.Ordinal);

        private TestMmapRun(ChildResult process) => Process = process;

        public ChildResult Process { get; }

        public JsonElement Setup { get; private set; }

        public bool Finished { get; private set; }

        public string? LastStarted { get; private set; }

        public IReadOnlyDictionary<string, (string Outcome, string? Detail)> Outcomes => _outcomes;

        public static async Task<TestMmapRun> RunAsync(PythonInterpreter interpreter, string module)
        {
            using ScratchFolder folder = new("cpython-tests");
            string results = Path.Combine(folder.Path, "results.jsonl");
            string work = folder.Folder("work");
            ChildResult process = await PythonProcess.RunScriptAsync(
                interpreter, "run_test_mmap.py", [module, results], new PythonStart { WorkingDirectory = work, Timeout = TimeSpan.FromMinutes(5) });
            TestMmapRun run = new(process);
            if (!File.Exists(results))
            {
                Assert.Fail($"run_test_mmap.py with {module} on {interpreter.Label} wrote no results:\n{process.Describe()}");
            }

            foreach (string? line in File.ReadAllLines(results, Encoding.UTF8).Where(l => l.Length > 0))
            {
                run.Add(JsonDocument.Parse(line).RootElement.Clone());
            }

            if (run.Setup.ValueKind == JsonValueKind.Undefined)
            {
                Assert.Fail($"run_test_mmap.py with {module} on {interpreter.Label} did not set up:\n{File.ReadAllText(results)}\n{process.Describe()}");
            }

            return run;
        }

        private void Add(JsonElement record)
        {
            switch (record.GetProperty("event").GetString())
            {
                case "setup":
                    Setup = record;
                    break;
                case "start":
                    LastStarted = record.GetProperty("id").GetString();
                    break;
                case "result":
                    string id = record.GetProperty("id").GetString()!;
                    string outcome = record.GetProperty("outcome").GetString()!;
                    string? detail = record.TryGetProperty("detail", out JsonElement d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
                    // A failed subtest comes before its test's own result (if any): a failure is never overwritten.
                    if (!_outcomes.TryGetValue(id, out (string Outcome, string? Detail) existing) || existing.Outcome is "passed")
                    {
                        _outcomes[id] = (outcome, detail);
                    }

                    break;
                case "done":
                    Finished = true;
                    break;
                case "no test package":
                    Assert.Fail($"no test package: {record.GetProperty("error").GetString()}; run .ci/setup to install it");
                    break;
                default:
                    break;
            }
        }

        public string OutcomeOf(string id) =>
            _outcomes.TryGetValue(id, out (string Outcome, string? Detail) result) ? result.Outcome : id == LastStarted && !Finished ? "died in it" : "not run";

        public string? DetailOf(string id) => _outcomes.TryGetValue(id, out (string Outcome, string? Detail) result) ? result.Detail : null;

        public int Count(string outcome) => _outcomes.Values.Count(o => o.Outcome == outcome);

        public string Summary() =>
            $"{_outcomes.Count} tests: {Count("passed")} passed, {Count("skipped")} skipped, {Count("failed")} failed, " +
            $"{Count("error")} errors, {Count("expected failure")} expected failures, {Count("unexpected success")} unexpected successes" +
            (Finished ? string.Empty : $" (did not finish; died in {LastStarted})");
    }
}
