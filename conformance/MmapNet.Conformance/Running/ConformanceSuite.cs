using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MmapNet.Conformance.Cases;
using MmapNet.Conformance.Stdlib;
using MmapNet.Discovery;

namespace MmapNet.Conformance.Running;

/// <summary>Told what happens during a suite run (for progress displays). Calls may come from several threads.</summary>
public interface ISuiteObserver
{
    /// <summary>A case finished on an interpreter.</summary>
    /// <param name="result">Its result.</param>
    void CaseFinished(CaseResult result);

    /// <summary>test_mmap is about to run on an interpreter.</summary>
    /// <param name="interpreter">The interpreter.</param>
    void StdlibTestsStarting(PythonInterpreter interpreter);

    /// <summary>test_mmap finished on an interpreter.</summary>
    /// <param name="comparison">Its result on both sides.</param>
    void StdlibTestsFinished(StdlibTestComparison comparison);
}

/// <summary>One whole run: the cases on every interpreter, then test_mmap on those that have it.</summary>
public static class ConformanceSuite
{
    /// <summary>Runs the suite.</summary>
    /// <param name="settings">How to run.</param>
    /// <param name="interpreters">The interpreters.</param>
    /// <param name="cases">The cases.</param>
    /// <param name="casesFolder">The cases root (for the report).</param>
    /// <param name="runStdlibTests">Whether to run CPython's test_mmap on both sides.</param>
    /// <param name="observer">Told of progress, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>Everything found.</returns>
    public static async Task<SuiteResult> RunAsync(
        RunSettings settings,
        IReadOnlyList<PythonInterpreter> interpreters,
        IReadOnlyList<ConformanceCase> cases,
        string casesFolder,
        bool runStdlibTests,
        ISuiteObserver? observer,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(interpreters);
        DateTimeOffset startedAt = DateTimeOffset.Now;
        Stopwatch stopwatch = Stopwatch.StartNew();
        Progress? progress = observer is null ? null : new Progress(observer);
        (IReadOnlyList<ImplementationCheck>? checks, IReadOnlyList<CaseResult>? results) = await new ConformanceRunner(settings)
            .RunAllAsync(interpreters, cases, progress, cancellationToken).ConfigureAwait(false);

        List<StdlibTestComparison> stdlib = new();
        if (runStdlibTests)
        {
            StdlibTestRunner runner = new(settings);
            foreach (PythonInterpreter? interpreter in interpreters.Where(i => i.HasStdlibMmapTests))
            {
                observer?.StdlibTestsStarting(interpreter);
                StdlibTestComparison comparison = await runner.CompareAsync(interpreter, cancellationToken).ConfigureAwait(false);
                stdlib.Add(comparison);
                observer?.StdlibTestsFinished(comparison);
            }
        }

        return new SuiteResult(settings, casesFolder, interpreters, checks, results, stdlib, startedAt, stopwatch.Elapsed);
    }

    // Calls the observer directly on the reporting thread (System.Progress would post to a captured context).
    private sealed class Progress(ISuiteObserver observer) : IProgress<CaseResult>
    {
        public void Report(CaseResult value) => observer.CaseFinished(value);
    }
}
