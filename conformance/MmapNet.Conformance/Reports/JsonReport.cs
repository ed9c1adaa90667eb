using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using MmapNet.Conformance.Running;
using MmapNet.Conformance.Stdlib;
using MmapNet.Conformance.Transcripts;

namespace MmapNet.Conformance.Reports;

/// <summary>
/// <c>report.json</c>: the machine-readable report. Its shape is the records below, serialised with camelCase names and
/// outcomes as lowercase strings; <see cref="SchemaVersion"/> changes when the shape does.
/// </summary>
public static class JsonReport
{
    /// <summary>The version of the report's shape.</summary>
    public const int SchemaVersion = 1;

    private static readonly JsonSerializerOptions s_options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>Serialises <paramref name="suite"/>.</summary>
    /// <param name="suite">The suite result.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(SuiteResult suite) => JsonSerializer.Serialize(ToDocument(suite), s_options);

    internal static ReportDocument ToDocument(SuiteResult suite)
    {
        ArgumentNullException.ThrowIfNull(suite);
        Dictionary<string, ImplementationCheck> checks = suite.Checks.ToDictionary(c => c.Interpreter.Label, StringComparer.Ordinal);
        return new ReportDocument(
            SchemaVersion,
            suite.StartedAt,
            Math.Round(suite.Duration.TotalSeconds, 3),
            suite.Settings.ImplementationModule,
            suite.CasesFolder,
            suite.Succeeded,
            suite.ExitCode,
            new SettingsEntry(suite.Settings.CaseTimeout.TotalSeconds, suite.Settings.Jobs, suite.Settings.ExtraPythonPaths, ImplementationFlavours.Name(suite.Settings.Flavour)),
            suite.Interpreters.Select(i => new InterpreterEntry(
                i.Label,
                i.Version.ToString(3),
                i.ExecutablePath,
                i.LibPythonPath,
                i.HasStdlibMmapTests,
                checks.GetValueOrDefault(i.Label)?.ServedBy,
                checks.GetValueOrDefault(i.Label)?.MmapType,
                checks.GetValueOrDefault(i.Label)?.Error)).ToList(),
            suite.CountsByInterpreter,
            suite.CountsByArea,
            suite.Results.Select(ToEntry).ToList(),
            suite.StdlibTests.Select(ToEntry).ToList());
    }

    private static ResultEntry ToEntry(CaseResult result)
    {
        bool failed = result.Outcome != CaseOutcome.Passed;
        return new ResultEntry(
            result.Interpreter.Label,
            result.Case.Id,
            result.Case.Area,
            result.Case.Name,
            result.Outcome,
            Math.Round(result.Reference.Duration.TotalSeconds, 3),
            Math.Round(result.Implementation.Duration.TotalSeconds, 3),
            result.Message,
            result.Diff,
            failed ? ToEntry(result.Reference) : null,
            failed ? ToEntry(result.Implementation) : null);
    }

    private static SideEntry ToEntry(SideRun side) => new(
        side.Module,
        side.ServedBy,
        side.Error,
        side.Transcript is { } t
            ? new TranscriptEntry(t.Stdout, t.StdoutBytes, t.StdoutTruncated, t.FinalException, t.Termination.ToString(), t.Stderr, t.StderrBytes)
            : null);

    private static StdlibEntry ToEntry(StdlibTestComparison comparison) => new(
        comparison.Interpreter.Label,
        comparison.Conforms,
        ToEntry(comparison.Reference),
        ToEntry(comparison.Implementation),
        comparison.ChangedTests);

    private static StdlibRunEntry ToEntry(StdlibTestRun run) => new(
        run.Module,
        run.Report?.Ran,
        run.Report?.Passed,
        run.Report?.Failures,
        run.Report?.Errors,
        run.Report?.Skipped,
        run.Report?.ExpectedFailures,
        run.Report?.UnexpectedSuccesses,
        run.Termination?.ToString(),
        run.Error,
        Math.Round(run.Duration.TotalSeconds, 3),
        run.Report is null ? run.OutputTail : null);

    internal sealed record ReportDocument(
        int SchemaVersion,
        DateTimeOffset StartedAt,
        double DurationSeconds,
        string Implementation,
        string CasesFolder,
        bool Succeeded,
        int ExitCode,
        SettingsEntry Settings,
        IReadOnlyList<InterpreterEntry> Interpreters,
        IReadOnlyList<OutcomeCounts> SummaryByInterpreter,
        IReadOnlyList<OutcomeCounts> SummaryByArea,
        IReadOnlyList<ResultEntry> Results,
        IReadOnlyList<StdlibEntry> StdlibTests);

    internal sealed record SettingsEntry(double TimeoutSeconds, int Jobs, IReadOnlyList<string> ExtraPythonPaths, string Flavour);

    internal sealed record InterpreterEntry(
        string Label,
        string Version,
        string Executable,
        string? LibPython,
        bool HasStdlibMmapTests,
        string? ImplementationServedBy,
        string? ImplementationMmapType,
        string? ImplementationError);

    internal sealed record ResultEntry(
        string Interpreter,
        string Case,
        string Area,
        string Name,
        CaseOutcome Outcome,
        double ReferenceSeconds,
        double ImplementationSeconds,
        string? Message,
        string? Diff,
        SideEntry? Reference,
        SideEntry? Implementation);

    internal sealed record SideEntry(string Module, string? ServedBy, string? Error, TranscriptEntry? Transcript);

    internal sealed record TranscriptEntry(
        string Stdout,
        long StdoutBytes,
        bool StdoutTruncated,
        string? Exception,
        string Termination,
        string Stderr,
        long StderrBytes);

    internal sealed record StdlibEntry(
        string Interpreter,
        bool Conforms,
        StdlibRunEntry Reference,
        StdlibRunEntry Implementation,
        IReadOnlyList<ChangedTest> ChangedTests);

    internal sealed record StdlibRunEntry(
        string Module,
        int? Ran,
        int? Passed,
        int? Failures,
        int? Errors,
        int? Skipped,
        int? ExpectedFailures,
        int? UnexpectedSuccesses,
        string? Termination,
        string? Error,
        double Seconds,
        string? OutputTail);
}
