using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using MmapNet.Discovery;

namespace MmapNet.CPython.Tests.Support;

/// <summary>How one Python process ended and what it wrote.</summary>
/// <param name="ExitCode">The exit code; a process killed by signal N reports 128 + N.</param>
/// <param name="Stdout">Standard output (UTF-8).</param>
/// <param name="Stderr">Standard error (UTF-8).</param>
/// <param name="TimedOut">Whether it ran out of time and was killed.</param>
internal sealed record PythonResult(int ExitCode, string Stdout, string Stderr, bool TimedOut)
{
    /// <summary>Everything about the run, for a failure message.</summary>
    public string Describe() =>
        $"exit code {ExitCode}{(TimedOut ? " (timed out, killed)" : string.Empty)}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
}

/// <summary>What a Python process is started with, besides the interpreter and its arguments.</summary>
internal sealed class PythonStart
{
    /// <summary>PYTHONPATH; by default the repository's python/ folder, so that <c>import mmapnet</c> works.</summary>
    public string? PythonPath { get; init; } = Repository.PythonFolder;

    /// <summary>The working folder; by default the system temporary folder (never the repository).</summary>
    public string WorkingDirectory { get; init; } = Path.GetTempPath();

    /// <summary>Variables to set (a <see langword="null"/> value removes the variable).</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>Written to the process's standard input, which is then closed.</summary>
    public string Stdin { get; init; } = string.Empty;

    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(2);
}

/// <summary>Runs a CPython interpreter as a child process.</summary>
internal static class PythonProcess
{
    /// <summary>
    /// Runs <paramref name="interpreter"/> with <paramref name="arguments"/>. The child gets this process's environment
    /// without any PYTHON* variable (a developer's PYTHONSTARTUP or PYTHONHOME must not change what is tested),
    /// PYTHONPATH from <paramref name="start"/>, PYTHONDONTWRITEBYTECODE=1 (nothing written into the repository) and
    /// MMAPNET_ASSEMBLY_DIR pointing at the assemblies built with these tests.
    /// </summary>
    public static async Task<PythonResult> RunAsync(PythonInterpreter interpreter, IEnumerable<string> arguments, PythonStart? start = null)
    {
        ArgumentNullException.ThrowIfNull(interpreter);
        start ??= new PythonStart();
        ProcessStartInfo info = new ProcessStartInfo(interpreter.ExecutablePath)
        {
            WorkingDirectory = start.WorkingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment.Clear();
        foreach (DictionaryEntry variable in System.Environment.GetEnvironmentVariables())
        {
            var name = (string)variable.Key;
            if (!name.StartsWith("PYTHON", StringComparison.Ordinal))
            {
                info.Environment[name] = (string?)variable.Value;
            }
        }

        info.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        info.Environment["MMAPNET_ASSEMBLY_DIR"] = Repository.AssemblyFolder;

        if (start.PythonPath is not null)
        {
            info.Environment["PYTHONPATH"] = start.PythonPath;
        }

        foreach ((string? name, string? value) in start.Environment)
        {
            if (value is null)
            {
                info.Environment.Remove(name);
            }
            else
            {
                info.Environment[name] = value;
            }
        }

        using Process process = new Process { StartInfo = info };
        process.Start();
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await process.StandardInput.WriteAsync(start.Stdin);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The process exited without reading its input; what it did is in its output.
        }

        var timedOut = false;
        using (CancellationTokenSource timeout = new CancellationTokenSource(start.Timeout))
        {
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                timedOut = true;
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }

        return new PythonResult(process.ExitCode, await stdout, await stderr, timedOut);
    }

    /// <summary>Runs <c>python SNIPPET args...</c>, a snippet of Scripts/.</summary>
    public static Task<PythonResult> RunScriptAsync(PythonInterpreter interpreter, string script, IEnumerable<string> arguments, PythonStart? start = null)
    {
        List<string> all = new List<string> { Repository.Script(script) };
        all.AddRange(arguments);
        return RunAsync(interpreter, all, start);
    }
}
