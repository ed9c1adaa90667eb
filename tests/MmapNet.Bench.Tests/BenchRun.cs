using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using MmapNet.Discovery;

namespace MmapNet.Bench.Tests;

/// <summary>
/// One run of <c>python -m mmapnet bench</c> with the newest interpreter found here, in a temporary
/// folder that holds its JSON report and SVG chart.
/// </summary>
internal sealed class BenchRun : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    private BenchRun(string folder, int exitCode, string output, string errors)
    {
        Folder = folder;
        ExitCode = exitCode;
        Output = output;
        Errors = errors;
    }

    public string Folder { get; }

    public int ExitCode { get; }

    public string Output { get; }

    public string Errors { get; }

    public string JsonPath => Path.Combine(Folder, "bench.json");

    public string ChartPath => Path.Combine(Folder, "bench.svg");

    public static BenchRun Start(params string[] arguments)
    {
        PythonInterpreter python = new InterpreterLocator().FindAll()[^1];
        string folder = Directory.CreateTempSubdirectory("mmapnet-bench-tests-").FullName;
        ProcessStartInfo start = new ProcessStartInfo(python.ExecutablePath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = folder,
        };
        foreach (string argument in new[] { "-m", "mmapnet", "bench", "--json", Path.Combine(folder, "bench.json"), "--chart", Path.Combine(folder, "bench.svg") }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PYTHONPATH"] = Path.Combine(RepositoryRoot, "python");
        // The assemblies of this build's configuration (the test's own output folder's name).
        start.Environment["MMAPNET_ASSEMBLY_DIR"] = Path.Combine(
            RepositoryRoot, "artifacts", "bin", "MmapNet.CPython", new DirectoryInfo(AppContext.BaseDirectory).Name);
        start.Environment["MMAPNET_BACKEND"] = "coreclr";
        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"python -m mmapnet bench {string.Join(' ', arguments)} took longer than {Timeout}");
        }

        return new BenchRun(folder, process.ExitCode, output.Result, errors.Result);
    }

    public JsonDocument ReadJson() => JsonDocument.Parse(File.ReadAllText(JsonPath));

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    private static string RepositoryRoot
    {
        get
        {
            for (DirectoryInfo? directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "MmapNet.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException("no MmapNet.sln above " + AppContext.BaseDirectory);
        }
    }
}
