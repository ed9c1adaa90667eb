using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using MmapNet.TestSupport;

namespace MmapNet.Bench.Tests;

/// <summary>
/// One run of <c>python -m mmapnet bench</c> with the newest interpreter found here, in a temporary
/// folder that holds its JSON report and SVG chart.
/// </summary>
internal sealed class BenchRun : IDisposable
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(5);

    private readonly ScratchFolder _folder;

    private BenchRun(ScratchFolder folder, ChildResult result)
    {
        _folder = folder;
        ExitCode = result.ExitCode;
        Output = result.Stdout;
        Errors = result.Stderr;
    }

    public string Folder => _folder.Path;

    public int ExitCode { get; }

    public string Output { get; }

    public string Errors { get; }

    public string JsonPath => Path.Combine(Folder, "bench.json");

    public string ChartPath => Path.Combine(Folder, "bench.svg");

    public static BenchRun Start(params string[] arguments)
    {
        ScratchFolder folder = new("bench-tests");
        PythonStart start = new()
        {
            WorkingDirectory = folder.Path,
            Environment = new System.Collections.Generic.Dictionary<string, string?> { ["MMAPNET_BACKEND"] = "coreclr" },
            Timeout = s_timeout,
        };
        ChildResult result = PythonProcess.RunAsync(
            TestInterpreters.Newest,
            new[] { "-m", "mmapnet", "bench", "--json", folder.File("bench.json"), "--chart", folder.File("bench.svg") }.Concat(arguments),
            start).GetAwaiter().GetResult();
        if (result.TimedOut)
        {
            folder.Dispose();
            throw new TimeoutException($"python -m mmapnet bench {string.Join(' ', arguments)} took longer than {s_timeout}");
        }

        return new BenchRun(folder, result);
    }

    public JsonDocument ReadJson() => JsonDocument.Parse(File.ReadAllText(JsonPath));

    /// <summary>The JSON report of a run that must have succeeded: the test fails with the run's output if it did not.</summary>
    public JsonDocument ReadReportOfSuccess()
    {
        NUnit.Framework.Assert.That(ExitCode, NUnit.Framework.Is.Zero, $"bench failed:\n{Output}\n{Errors}");
        return ReadJson();
    }

    public void Dispose() => _folder.Dispose();
}
