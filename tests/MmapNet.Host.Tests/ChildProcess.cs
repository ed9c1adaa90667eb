using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using MmapNet.TestSupport;

namespace MmapNet.Host.Tests;

/// <summary>What a child process did.</summary>
internal sealed record ChildResult(int ExitCode, string Stdout, string Stderr, TimeSpan Elapsed)
{
    /// <summary>The last non-empty line of stderr.</summary>
    public string LastErrorLine => Stderr.Split('\n').Select(line => line.TrimEnd()).LastOrDefault(line => line.Length > 0) ?? "";

    public override string ToString() => $"exit {ExitCode} after {Elapsed.TotalSeconds:0.0} s\n--- stdout\n{Stdout}--- stderr\n{Stderr}";
}

/// <summary>Runs the host and interpreters as child processes, with a time limit: a hang fails the test instead of blocking it.</summary>
internal static partial class ChildProcess
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(120);

    private static readonly TimeSpan s_signalDelay = TimeSpan.FromSeconds(1);

    private const int Sigint = 2;
    private const int Sigterm = 15;

    /// <summary>Runs a program to its end.</summary>
    public static ChildResult Run(string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null, string? workingDirectory = null, TimeSpan? timeout = null) =>
        RunAsync(program, arguments, environment, workingDirectory, timeout, signalAfterReady: null).GetAwaiter().GetResult();

    /// <summary>Runs a program, sends it SIGINT once it has printed a line containing "ready", and waits for its end.</summary>
    public static ChildResult RunAndInterrupt(string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null) =>
        RunAsync(program, arguments, environment, null, null, signalAfterReady: Sigint).GetAwaiter().GetResult();

    /// <summary>Runs a program, sends it SIGTERM once it has printed a line containing "ready", and waits for its end.</summary>
    public static ChildResult RunAndTerminate(string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null) =>
        RunAsync(program, arguments, environment, null, null, signalAfterReady: Sigterm).GetAwaiter().GetResult();

    private static async Task<ChildResult> RunAsync(
        string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment, string? workingDirectory, TimeSpan? timeout, int? signalAfterReady)
    {
        // A child inherits ignored signals, and python (as the host) leaves SIGINT ignored when it starts that way: a test run
        // started in the background by a shell without job control (SIGINT ignored there) could then interrupt neither.
        // env --default-signal=INT restores the default disposition and execs the program (same pid), as a terminal has it.
        bool restoreSigint = signalAfterReady == Sigint;
        ProcessStartInfo startInfo = new(restoreSigint ? "/usr/bin/env" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? RepositoryLayout.ScriptsFolder,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        if (restoreSigint)
        {
            startInfo.ArgumentList.Add("--default-signal=INT");
            startInfo.ArgumentList.Add(program);
        }

        foreach (string argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // Python settings of the test run's own environment must not leak into the comparison.
        foreach (string name in startInfo.Environment.Keys.Where(name => name.StartsWith("PYTHON", StringComparison.Ordinal) || name.StartsWith("MMAPNET_", StringComparison.Ordinal)).ToList())
        {
            startInfo.Environment.Remove(name);
        }

        startInfo.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        startInfo.Environment["PYTHON_COLORS"] = "0";
        startInfo.Environment["LC_ALL"] = "C.UTF-8";
        foreach ((string name, string? value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                startInfo.Environment.Remove(name);
            }
            else
            {
                startInfo.Environment[name] = value;
            }
        }

        Stopwatch stopwatch = Stopwatch.StartNew();
        using Process process = Process.Start(startInfo) ?? throw new InvalidOperationException($"{program} did not start.");
        process.StandardInput.Close();
        StringBuilder stdout = new();
        TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
        Task readOut = Task.Run(async () =>
        {
            while (await process.StandardOutput.ReadLineAsync().ConfigureAwait(false) is { } line)
            {
                lock (stdout)
                {
                    stdout.Append(line).Append('\n');
                }

                if (line.Contains("ready", StringComparison.Ordinal))
                {
                    ready.TrySetResult();
                }
            }
        });
        Task<string> readErr = process.StandardError.ReadToEndAsync();
        using CancellationTokenSource limit = new(timeout ?? DefaultTimeout);
        try
        {
            if (signalAfterReady is { } signal)
            {
                await ready.Task.WaitAsync(limit.Token).ConfigureAwait(false);

                // The program is past its print, on its way into the call the signal should interrupt: let it get there,
                // so the traceback is the same every time.
                await Task.Delay(s_signalDelay, limit.Token).ConfigureAwait(false);
                if (Kill(process.Id, signal) != 0)
                {
                    throw new InvalidOperationException($"kill({process.Id}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}");
                }
            }

            await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
            await Task.WhenAll(readOut, readErr).WaitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            throw new TimeoutException(
                $"{program} {string.Join(' ', startInfo.ArgumentList)} did not finish within {(timeout ?? DefaultTimeout).TotalSeconds} s " +
                $"(stdout so far: {stdout}; stderr: {(readErr.IsCompleted ? readErr.Result : "")})");
        }

        return new ChildResult(process.ExitCode, stdout.ToString(), await readErr.ConfigureAwait(false), stopwatch.Elapsed);
    }

    [LibraryImport("libc.so.6", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int processId, int signal);
}
