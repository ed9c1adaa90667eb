using System;
using System.Globalization;

namespace MmapNet.Conformance.Transcripts;

/// <summary>How a run's process ended.</summary>
public enum TerminationKind
{
    /// <summary>It exited with an exit code.</summary>
    Exited,

    /// <summary>It was killed by a signal it did not ask for through Python's normal exit (a crash, or a kill).</summary>
    Signaled,

    /// <summary>It ran past the time limit and its process tree was killed.</summary>
    TimedOut,
}

/// <summary>How a run's process ended, with the exit code, the signal number or the time limit.</summary>
/// <param name="Kind">Exit, signal or timeout.</param>
/// <param name="Code">The exit code, the signal number, or the time limit in whole seconds.</param>
public sealed record Termination(TerminationKind Kind, int Code)
{
    /// <summary>A normal exit with <paramref name="exitCode"/>.</summary>
    /// <param name="exitCode">The exit code.</param>
    /// <returns>The termination.</returns>
    public static Termination Exit(int exitCode) => new(TerminationKind.Exited, exitCode);

    /// <summary>A death by signal <paramref name="signal"/>.</summary>
    /// <param name="signal">The signal number.</param>
    /// <returns>The termination.</returns>
    public static Termination Signal(int signal) => new(TerminationKind.Signaled, signal);

    /// <summary>Killed after running <paramref name="limit"/>.</summary>
    /// <param name="limit">The time limit.</param>
    /// <returns>The termination.</returns>
    public static Termination Timeout(TimeSpan limit) => new(TerminationKind.TimedOut, (int)Math.Round(limit.TotalSeconds));

    /// <summary>
    /// Reads .NET's exit code for a process that ran through the bootstrap. On Unix .NET reports a death by signal N as
    /// 128 + N, which an exit code can also be; the bootstrap records the code Python is about to exit with, so a code above
    /// 128 that the bootstrap did not announce is a signal. (A case that calls <c>os._exit(n)</c> with n &gt; 128 bypasses the
    /// bootstrap and is read as a signal: cases should not do that.)
    /// </summary>
    /// <param name="exitCode">The exit code .NET reported.</param>
    /// <param name="announcedExitCode">The exit code the bootstrap recorded, if it recorded one.</param>
    /// <returns>The termination.</returns>
    public static Termination FromExitCode(int exitCode, int? announcedExitCode)
    {
        const int SignalBase = 128;
        const int HighestSignal = 64;
        if (OperatingSystem.IsWindows() || exitCode <= SignalBase || exitCode > SignalBase + HighestSignal ||
            announcedExitCode == exitCode)
        {
            return Exit(exitCode);
        }

        return Signal(exitCode - SignalBase);
    }

    /// <summary>The line the transcript shows: <c>exit code 1</c>, <c>killed by signal 11 (SIGSEGV)</c>, <c>timed out after 60 s</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Kind switch
    {
        TerminationKind.Exited => string.Create(CultureInfo.InvariantCulture, $"exit code {Code}"),
        TerminationKind.Signaled => string.Create(CultureInfo.InvariantCulture, $"killed by signal {Code} ({SignalName(Code)})"),
        _ => string.Create(CultureInfo.InvariantCulture, $"timed out after {Code} s (process tree killed)"),
    };

    private static string SignalName(int signal) => signal switch
    {
        1 => "SIGHUP",
        2 => "SIGINT",
        3 => "SIGQUIT",
        4 => "SIGILL",
        5 => "SIGTRAP",
        6 => "SIGABRT",
        7 => "SIGBUS",
        8 => "SIGFPE",
        9 => "SIGKILL",
        10 => "SIGUSR1",
        11 => "SIGSEGV",
        12 => "SIGUSR2",
        13 => "SIGPIPE",
        14 => "SIGALRM",
        15 => "SIGTERM",
        _ => "signal " + signal.ToString(CultureInfo.InvariantCulture),
    };
}
