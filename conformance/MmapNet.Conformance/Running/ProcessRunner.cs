using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace MmapNet.Conformance.Running;

/// <summary>What to run.</summary>
/// <param name="FileName">The executable.</param>
/// <param name="Arguments">Its arguments, passed as they are (no shell).</param>
/// <param name="WorkingDirectory">The folder it runs in.</param>
/// <param name="Environment">Its complete environment (nothing is inherited beyond this).</param>
/// <param name="Timeout">How long it may run before its whole process tree is killed.</param>
/// <param name="MaxCapturedBytes">How much of each of stdout and stderr is kept; the rest is read, counted and dropped.</param>
public sealed record ProcessRequest(
    string FileName,
    IReadOnlyList<string> Arguments,
    string WorkingDirectory,
    IReadOnlyDictionary<string, string> Environment,
    TimeSpan Timeout,
    int MaxCapturedBytes);

/// <summary>The first bytes of an output stream, and how many there were in all.</summary>
/// <param name="Bytes">The kept bytes (at most the request's <see cref="ProcessRequest.MaxCapturedBytes"/>).</param>
/// <param name="TotalBytes">How many bytes the process wrote to the stream.</param>
public sealed record CapturedOutput(byte[] Bytes, long TotalBytes)
{
    /// <summary>No output.</summary>
    public static CapturedOutput Empty { get; } = new(Array.Empty<byte>(), 0);

    /// <summary>Whether bytes were dropped.</summary>
    public bool Truncated => TotalBytes > Bytes.Length;
}

/// <summary>How a process run ended.</summary>
/// <param name="StartError">Why the process could not be started, or <see langword="null"/> if it was.</param>
/// <param name="ExitCode">The exit code as .NET reports it (on Unix, 128 + N for a death by signal N).</param>
/// <param name="TimedOut">Whether it was killed for running past the time limit.</param>
/// <param name="Stdout">Its standard output.</param>
/// <param name="Stderr">Its standard error.</param>
/// <param name="Duration">How long it ran.</param>
/// <param name="OutputAbandoned">
/// Whether its output pipes were still open some time after it exited (a process it left behind holds them) and were given up.
/// </param>
public sealed record ProcessResult(
    string? StartError,
    int ExitCode,
    bool TimedOut,
    CapturedOutput Stdout,
    CapturedOutput Stderr,
    TimeSpan Duration,
    bool OutputAbandoned);

/// <summary>
/// Runs one process with no standard input, captured and capped output, and a time limit enforced by killing its whole
/// process tree. Never throws for anything the process does; only cancellation of the caller's token throws.
/// </summary>
public static class ProcessRunner
{
    // After the process exits, how long its output pipes may stay open: a grandchild that inherited them would otherwise
    // keep the run waiting forever.
    private static readonly TimeSpan s_pipeGracePeriod = TimeSpan.FromSeconds(5);

    private const int ChunkSize = 64 * 1024;

    /// <summary>Runs the process described by <paramref name="request"/>.</summary>
    /// <param name="request">What to run.</param>
    /// <param name="cancellationToken">Kills the process tree and throws when cancelled.</param>
    /// <returns>How it ended.</returns>
    public static async Task<ProcessResult> RunAsync(ProcessRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ProcessStartInfo startInfo = new(request.FileName)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = request.WorkingDirectory,
        };
        foreach (string argument in request.Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment.Clear();
        foreach ((string? name, string? value) in request.Environment)
        {
            startInfo.Environment[name] = value;
        }

        using Process process = new() { StartInfo = startInfo };
        Stopwatch stopwatch = Stopwatch.StartNew();
        try
        {
            process.Start();
        }
        catch (Exception exception) when (exception is Win32Exception or InvalidOperationException or IOException)
        {
            return new ProcessResult(
                $"could not start {request.FileName}: {exception.Message}", -1, false, CapturedOutput.Empty,
                CapturedOutput.Empty, stopwatch.Elapsed, false);
        }

        process.StandardInput.Close();
        using CancellationTokenSource readers = new();
        OutputCapture stdout = new(request.MaxCapturedBytes);
        OutputCapture stderr = new(request.MaxCapturedBytes);
        Task outputs = Task.WhenAll(
            CaptureAsync(process.StandardOutput.BaseStream, stdout, readers.Token),
            CaptureAsync(process.StandardError.BaseStream, stderr, readers.Token));

        bool timedOut = false;
        using (CancellationTokenSource deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            deadline.CancelAfter(request.Timeout);
            try
            {
                await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                KillTree(process);
                await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
                timedOut = true;
            }
        }

        TimeSpan duration = stopwatch.Elapsed;
        bool abandoned = false;
        try
        {
            await outputs.WaitAsync(s_pipeGracePeriod, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Stop reading; whether or not the readers notice, what they kept is taken as it is.
            abandoned = true;
            await readers.CancelAsync().ConfigureAwait(false);
        }

        return new ProcessResult(
            null, process.ExitCode, timedOut, stdout.Snapshot(), stderr.Snapshot(), duration, abandoned);
    }

    private static void KillTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited between the time limit and the kill.
        }
        catch (Win32Exception)
        {
            // Some process of the tree could not be signalled (it may have exited meanwhile); the wait below still ends
            // when the main one is gone.
        }
    }

    // Reads a stream to its end, keeping the first bytes and counting the rest, so that the pipe never fills up and blocks
    // the process. Cancellation ends the read early; what was kept so far stays in the capture.
    private static async Task CaptureAsync(Stream stream, OutputCapture capture, CancellationToken cancellationToken)
    {
        byte[] chunk = new byte[ChunkSize];
        try
        {
            while (true)
            {
                int read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                capture.Append(chunk.AsSpan(0, read));
            }
        }
        catch (OperationCanceledException)
        {
            // Given up on: a leftover process still holds the pipe.
        }
        catch (IOException)
        {
            // The pipe broke; keep what was read.
        }
        catch (ObjectDisposedException)
        {
            // Given up on, and the process object already disposed.
        }
    }

    // The kept bytes and the total of one stream; readable at any time, even while a reader that will never finish is
    // still attached.
    private sealed class OutputCapture(int maxBytes)
    {
        private readonly Lock _gate = new();
        private readonly List<byte> _kept = [];
        private long _total;

        public void Append(ReadOnlySpan<byte> bytes)
        {
            lock (_gate)
            {
                _total += bytes.Length;
                int room = maxBytes - _kept.Count;
                if (room > 0)
                {
                    _kept.AddRange(bytes[..(int)Math.Min(room, bytes.Length)]);
                }
            }
        }

        public CapturedOutput Snapshot()
        {
            lock (_gate)
            {
                return new CapturedOutput(_kept.ToArray(), _total);
            }
        }
    }
}
