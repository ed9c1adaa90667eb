using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using MmapNet.Discovery;

namespace MmapNet.TestSupport;

/// <summary>What a Python process is started with, besides the interpreter and its arguments.</summary>
public sealed class PythonStart
{
    /// <summary>PYTHONPATH; by default the repository's python/ folder, so that <c>import mmapnet</c> works.</summary>
    public string? PythonPath { get; init; } = RepositoryLayout.PythonFolder;

    /// <summary>The working folder; by default the system temporary folder (never the repository).</summary>
    public string WorkingDirectory { get; init; } = Path.GetTempPath();

    /// <summary>Variables to set (a <see langword="null"/> value removes the variable).</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>Written to the process's standard input, which is then closed.</summary>
    public string Stdin { get; init; } = string.Empty;

    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(2);
}

/// <summary>Runs a CPython interpreter as a child process, with <c>import mmapnet</c> finding the code of this checkout.</summary>
public static class PythonProcess
{
    /// <summary>
    /// Runs <paramref name="interpreter"/> with <paramref name="arguments"/> through <see cref="ChildProcess"/> (no PYTHON*
    /// variable of this process), with PYTHONPATH from <paramref name="start"/>, PYTHONDONTWRITEBYTECODE=1 (nothing written
    /// into the repository) and MMAPNET_ASSEMBLY_DIR pointing at the assemblies built with these tests.
    /// </summary>
    public static Task<ChildResult> RunAsync(PythonInterpreter interpreter, IEnumerable<string> arguments, PythonStart? start = null)
    {
        ArgumentNullException.ThrowIfNull(interpreter);
        start ??= new PythonStart();
        Dictionary<string, string?> environment = new()
        {
            ["PYTHONDONTWRITEBYTECODE"] = "1",
            ["MMAPNET_ASSEMBLY_DIR"] = RepositoryLayout.AssemblyFolder,
        };
        if (start.PythonPath is not null)
        {
            environment["PYTHONPATH"] = start.PythonPath;
        }

        foreach ((string name, string? value) in start.Environment)
        {
            environment[name] = value;
        }

        ChildStart child = new() { WorkingDirectory = start.WorkingDirectory, Environment = environment, Stdin = start.Stdin, Timeout = start.Timeout };
        return ChildProcess.RunAsync(interpreter.ExecutablePath, arguments, child);
    }

    /// <summary>Runs <c>python SCRIPT args...</c>, a script of Scripts/ next to the test assembly.</summary>
    public static Task<ChildResult> RunScriptAsync(PythonInterpreter interpreter, string script, IEnumerable<string> arguments, PythonStart? start = null) =>
        RunAsync(interpreter, new[] { RepositoryLayout.Script(script) }.Concat(arguments), start);
}
