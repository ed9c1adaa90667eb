using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MmapNet.Conformance.Cases;
using MmapNet.Discovery;

namespace MmapNet.Conformance.Running;

/// <summary>
/// Runs cases twice, once with CPython's <c>mmap</c> and once with the implementation under test, each run in a fresh process
/// through the bootstrap, and compares the transcripts.
/// </summary>
public sealed class ConformanceRunner
{
    private static readonly string[] s_probeArguments = ["--probe"];

    private readonly BootstrapLauncher _launcher;

    /// <summary>Creates a runner.</summary>
    /// <param name="settings">How to run.</param>
    public ConformanceRunner(RunSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Settings = settings;
        _launcher = new BootstrapLauncher(settings);
    }

    /// <summary>The settings the runner runs with.</summary>
    public RunSettings Settings { get; }

    /// <summary>Checks that the implementation module can be installed as <c>mmap</c> on <paramref name="interpreter"/>.</summary>
    /// <param name="interpreter">The interpreter.</param>
    /// <param name="cancellationToken">Stops the check.</param>
    /// <returns>The check: what served <c>mmap</c>, or why nothing could.</returns>
    public async Task<ImplementationCheck> CheckImplementationAsync(
        PythonInterpreter interpreter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interpreter);
        string module = Settings.ImplementationModule;
        string folder = Directory.CreateTempSubdirectory("mmapnet-probe-").FullName;
        try
        {
            BootstrapRun run = await _launcher.RunAsync(
                interpreter, module, s_probeArguments, null, Path.Combine(folder, "run"), Settings.CaseTimeout,
                cancellationToken).ConfigureAwait(false);
            string? error = run.Error ?? ProbeProblem(run);
            string? served = run.Status?.ServedBy is { } name ? $"{name} ({run.Status.File ?? "built in"})" : null;
            return new ImplementationCheck(interpreter, module, served, run.Status?.MmapType, error);
        }
        finally
        {
            RunFolders.Delete(folder);
        }
    }

    /// <summary>Runs one case on one interpreter, both sides, and compares them.</summary>
    /// <param name="interpreter">The interpreter.</param>
    /// <param name="conformanceCase">The case.</param>
    /// <param name="cancellationToken">Stops the run (the running process tree is killed).</param>
    /// <returns>The result.</returns>
    public async Task<CaseResult> RunCaseAsync(
        PythonInterpreter interpreter, ConformanceCase conformanceCase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interpreter);
        ArgumentNullException.ThrowIfNull(conformanceCase);

        // Both sides run in the same folder path (emptied in between), so paths a case sees or prints are the same.
        string folder = Directory.CreateTempSubdirectory("mmapnet-case-").FullName;
        string runFolder = Path.Combine(folder, "run");
        try
        {
            SideRun reference = await RunSideAsync(interpreter, RunSettings.ReferenceModule, conformanceCase, runFolder, cancellationToken)
                .ConfigureAwait(false);
            SideRun implementation = await RunSideAsync(
                interpreter, Settings.ImplementationModule, conformanceCase, runFolder, cancellationToken).ConfigureAwait(false);
            return CaseResult.Compare(interpreter, conformanceCase, reference, implementation);
        }
        finally
        {
            RunFolders.Delete(folder);
        }
    }

    /// <summary>
    /// Runs every case on every interpreter, <see cref="RunSettings.Jobs"/> pairs at a time. On an interpreter where the
    /// implementation cannot be installed (see <see cref="CheckImplementationAsync"/>), no case is run: each is reported as an
    /// <see cref="CaseOutcome.Error"/> with the reason.
    /// </summary>
    /// <param name="interpreters">The interpreters.</param>
    /// <param name="cases">The cases.</param>
    /// <param name="progress">Told of each result as it is known, in no particular order.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The implementation checks (one per interpreter) and the results, ordered by interpreter then case.</returns>
    public async Task<(IReadOnlyList<ImplementationCheck> Checks, IReadOnlyList<CaseResult> Results)> RunAllAsync(
        IReadOnlyList<PythonInterpreter> interpreters,
        IReadOnlyList<ConformanceCase> cases,
        IProgress<CaseResult>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interpreters);
        ArgumentNullException.ThrowIfNull(cases);
        List<ImplementationCheck> checks = new();
        foreach (PythonInterpreter interpreter in interpreters)
        {
            checks.Add(await CheckImplementationAsync(interpreter, cancellationToken).ConfigureAwait(false));
        }

        ConcurrentBag<CaseResult> results = new();
        List<(ImplementationCheck check, ConformanceCase c)> work = checks.SelectMany(check => cases.Select(c => (check, c))).ToList();
        ParallelOptions options = new()
        {
            MaxDegreeOfParallelism = Math.Max(1, Settings.Jobs),
            CancellationToken = cancellationToken,
        };
        await Parallel.ForEachAsync(work, options, async (item, token) =>
        {
            (ImplementationCheck? check, ConformanceCase? conformanceCase) = item;
            CaseResult result = check.Succeeded
                ? await RunCaseAsync(check.Interpreter, conformanceCase, token).ConfigureAwait(false)
                : NotRunBecause(check, conformanceCase);
            results.Add(result);
            progress?.Report(result);
        }).ConfigureAwait(false);

        Dictionary<string, int> order = interpreters.Select((interpreter, index) => (interpreter.Label, index))
            .ToDictionary(p => p.Label, p => p.index, StringComparer.Ordinal);
        List<CaseResult> ordered = results
            .OrderBy(r => order[r.Interpreter.Label])
            .ThenBy(r => r.Case.Id, StringComparer.Ordinal)
            .ToList();
        return (checks, ordered);
    }

    private async Task<SideRun> RunSideAsync(
        PythonInterpreter interpreter,
        string module,
        ConformanceCase conformanceCase,
        string runFolder,
        CancellationToken cancellationToken)
    {
        BootstrapRun run = await _launcher.RunAsync(
            interpreter, module, new[] { conformanceCase.FilePath }, conformanceCase.CasesRoot, runFolder,
            Settings.CaseTimeout, cancellationToken).ConfigureAwait(false);
        return SideRun.From(run);
    }

    private static CaseResult NotRunBecause(ImplementationCheck check, ConformanceCase conformanceCase)
    {
        string reason = $"{check.Error} (found by the check before the cases; no case was run on this interpreter)";
        return CaseResult.Compare(
            check.Interpreter,
            conformanceCase,
            SideRun.NotRun(RunSettings.ReferenceModule, "not run: the implementation could not be installed"),
            SideRun.NotRun(check.Module, reason));
    }

    private static string? ProbeProblem(BootstrapRun run) => run.Transcript switch
    {
        { Termination.Kind: Transcripts.TerminationKind.Exited, Termination.Code: 0 } => null,
        { } transcript => $"the bootstrap's check of module {run.Module} ended with {transcript.Termination}: " +
            (transcript.FinalException ?? LastLine(transcript.Stderr) ?? "no message"),
        null => "the bootstrap's check produced no transcript",
    };

    private static string? LastLine(string text) =>
        text.Split('\n').Select(l => l.TrimEnd()).LastOrDefault(l => l.Length > 0);
}
