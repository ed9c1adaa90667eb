using System;
using System.Globalization;
using System.Linq;
using System.Text;
using MmapNet.Conformance.Running;

namespace MmapNet.Conformance.Transcripts;

/// <summary>
/// What one run of a case produced. Three things are compared (<see cref="ComparableText"/>): standard output, the final
/// exception line (the last non-empty line of stderr, when stderr holds a Python traceback), and how the process ended.
/// The rest of stderr (warnings, fault-handler dumps, tracebacks' frames, whose paths differ between implementations) is kept
/// for the report but not compared.
/// </summary>
/// <param name="Stdout">Standard output as text (see <see cref="StdoutIsUtf8"/>), possibly cut off.</param>
/// <param name="StdoutBytes">How many bytes the process wrote to stdout in all.</param>
/// <param name="StdoutTruncated">Whether stdout was cut off at the capture limit.</param>
/// <param name="StdoutIsUtf8">Whether stdout was valid UTF-8; if not, it was decoded as Latin-1.</param>
/// <param name="FinalException">The final exception line, for example <c>ValueError: mmap closed or invalid</c>, or <see langword="null"/>.</param>
/// <param name="Termination">Exit code, signal or timeout.</param>
/// <param name="Stderr">All of stderr as text (not compared), possibly cut off.</param>
/// <param name="StderrBytes">How many bytes the process wrote to stderr in all.</param>
public sealed record Transcript(
    string Stdout,
    long StdoutBytes,
    bool StdoutTruncated,
    bool StdoutIsUtf8,
    string? FinalException,
    Termination Termination,
    string Stderr,
    long StderrBytes)
{
    /// <summary>The marker CPython prints before a traceback; without it, stderr has no final exception line.</summary>
    public const string TracebackHeader = "Traceback (most recent call last)";

    /// <summary>
    /// Added to stderr (which is not compared) when the process exited but something it started kept its output open, and the
    /// runner stopped reading: output written after that is missing.
    /// </summary>
    public const string AbandonedOutputNote =
        "\n[runner: the output pipes were still open 5 s after the process exited (a process it started holds them); " +
        "stopped reading]\n";

    /// <summary>Builds the transcript of a finished process.</summary>
    /// <param name="result">The process result (it must have started).</param>
    /// <param name="termination">How it ended (see <see cref="Termination.FromExitCode"/>).</param>
    /// <returns>The transcript.</returns>
    public static Transcript FromProcess(ProcessResult result, Termination termination)
    {
        ArgumentNullException.ThrowIfNull(result);
        string stdout = TextDecoding.Decode(result.Stdout.Bytes, result.Stdout.Truncated, out bool stdoutIsUtf8);
        string stderr = TextDecoding.Decode(result.Stderr.Bytes, result.Stderr.Truncated, out _);
        if (result.OutputAbandoned)
        {
            stderr += AbandonedOutputNote;
        }

        return new Transcript(
            stdout,
            result.Stdout.TotalBytes,
            result.Stdout.Truncated,
            stdoutIsUtf8,
            FinalExceptionLine(stderr),
            termination,
            stderr,
            result.Stderr.TotalBytes);
    }

    /// <summary>
    /// The last non-empty line of <paramref name="stderr"/> if it contains <see cref="TracebackHeader"/>, else <see langword="null"/>.
    /// </summary>
    /// <param name="stderr">Standard error text.</param>
    /// <returns>The final exception line, trimmed of trailing whitespace.</returns>
    public static string? FinalExceptionLine(string stderr)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        if (!stderr.Contains(TracebackHeader, StringComparison.Ordinal))
        {
            return null;
        }

        return stderr.Split('\n').Select(line => line.TrimEnd()).LastOrDefault(line => line.Length > 0);
    }

    /// <summary>
    /// The text two runs are compared on (equal texts mean the runs conform), and what diffs are made of:
    /// <code>
    /// === stdout ===
    /// ...everything the case printed...
    /// === exception ===
    /// ValueError: mmap closed or invalid      (or: none)
    /// === exit ===
    /// exit code 1
    /// </code>
    /// Notes about stdout (cut off, no newline at the end, not UTF-8) are lines in brackets after it.
    /// </summary>
    public string ComparableText
    {
        get
        {
            StringBuilder text = new();
            text.Append("=== stdout ===\n");
            text.Append(Stdout);
            if (Stdout.Length > 0 && !Stdout.EndsWith('\n'))
            {
                text.Append("\n[no newline at the end of stdout]\n");
            }

            if (StdoutTruncated)
            {
                text.Append(CultureInfo.InvariantCulture, $"[stdout cut off: {StdoutBytes} bytes in all]\n");
            }

            if (!StdoutIsUtf8)
            {
                text.Append("[stdout is not UTF-8: shown as Latin-1]\n");
            }

            text.Append("=== exception ===\n");
            text.Append(FinalException ?? "none").Append('\n');
            text.Append("=== exit ===\n");
            text.Append(Termination).Append('\n');
            return text.ToString();
        }
    }

    /// <summary>Whether two transcripts conform: their <see cref="ComparableText"/> is the same.</summary>
    /// <param name="other">The other transcript.</param>
    /// <returns><see langword="true"/> when nothing compared differs.</returns>
    public bool Conforms(Transcript other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return string.Equals(ComparableText, other.ComparableText, StringComparison.Ordinal);
    }
}
