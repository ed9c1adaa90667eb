using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace MmapNet.TestSupport;

/// <summary>How a child process ended and what it wrote.</summary>
/// <param name="ExitCode">The exit code; a process killed by signal N reports 128 + N.</param>
/// <param name="Stdout">Standard output (UTF-8).</param>
/// <param name="Stderr">Standard error (UTF-8).</param>
/// <param name="TimedOut">Whether it ran out of time and was killed.</param>
/// <param name="Elapsed">How long it ran.</param>
public sealed record ChildResult(int ExitCode, string Stdout, string Stderr, bool TimedOut, TimeSpan Elapsed)
{
    /// <summary>The signal that ended the process, or 0 (the runtime reports death by signal N as exit code 128 + N).</summary>
    public int Signal => ExitCode > 128 && ExitCode < 128 + 65 ? ExitCode - 128 : 0;

    /// <summary>Everything about the run, for a failure message.</summary>
    public string Describe() =>
        $"exit code {ExitCode}{(TimedOut ? " (timed out, killed)" : string.Empty)} after {Elapsed.TotalSeconds:0.0} s\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
}

/// <summary>What a child process is started with, besides the program and its arguments.</summary>
public sealed class ChildStart
{
    /// <summary>The working folder; by default the system temporary folder (never the repository).</summary>
    public string WorkingDirectory { get; init; } = Path.GetTempPath();

    /// <summary>Variables to set (a <see langword="null"/> value removes the variable).</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>Written to the process's standard input, which is then closed.</summary>
    public string Stdin { get; init; } = string.Empty;

    /// <summary>How long the process may run before it is killed with its whole tree.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(2);
}

/// <summary>Runs a program as a child process, with a time limit: a hang fails the test instead of blocking the run.</summary>
public static class ChildProcess
{
    /// <summary>
    /// Runs <paramref name="program"/> with <paramref name="arguments"/>. The child gets this process's environment
    /// without any PYTHON* variable (a developer's PYTHONSTARTUP or PYTHONHOME must not change what is tested), then
    /// the variables of <paramref name="start"/>.
    /// </summary>
    public static async Task<ChildResult> RunAsync(string program, IEnumerable<string> arguments, ChildStart? start = null)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(arguments);
        start ??= new ChildStart();
        ProcessStartInfo info = new(program)
        {
            WorkingDirectory = start.WorkingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (string argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment.Clear();
        foreach (DictionaryEntry variable in System.Environment.GetEnvironmentVariables())
        {
            string name = (string)variable.Key;
            if (!name.StartsWith("PYTHON", StringComparison.Ordinal))
            {
                info.Environment[name] = (string?)variable.Value;
            }
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

        Stopwatch stopwatch = Stopwatch.StartNew();
        using Process process = new() { StartInfo = info };
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

        bool timedOut = false;
        using (CancellationTokenSource timeout = new(start.Timeout))
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

        return new ChildResult(process.ExitCode, await stdout, await stderr, timedOut, stopwatch.Elapsed);
    }
}
