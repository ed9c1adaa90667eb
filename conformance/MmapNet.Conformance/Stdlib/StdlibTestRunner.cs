using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MmapNet.Conformance.Running;
using MmapNet.Conformance.Transcripts;
using MmapNet.Discovery;

namespace MmapNet.Conformance.Stdlib;

/// <summary>One run of CPython's test_mmap.</summary>
/// <param name="Module">The module that served <c>mmap</c>.</param>
/// <param name="Report">What unittest reported, or <see langword="null"/> if it did not finish.</param>
/// <param name="Termination">How the process ended, or <see langword="null"/> if it did not run.</param>
/// <param name="Error">Why it did not run, or <see langword="null"/>.</param>
/// <param name="Duration">How long it ran.</param>
/// <param name="OutputTail">The end of unittest's output, for the report.</param>
/// <param name="TestResults">Each test's result (see <see cref="UnittestReport.ParseTestResults"/>), even when the run did not finish.</param>
public sealed record StdlibTestRun(
    string Module,
    UnittestReport? Report,
    Termination? Termination,
    string? Error,
    TimeSpan Duration,
    string OutputTail,
    IReadOnlyDictionary<string, string> TestResults);

/// <summary>How a test's result differs between the two sides.</summary>
/// <param name="Test">The test, as <c>Class.test_name</c>.</param>
/// <param name="Reference">Its result with CPython's mmap (or <c>not run</c>).</param>
/// <param name="Implementation">Its result with the implementation (or <c>not run</c>).</param>
public sealed record ChangedTest(string Test, string Reference, string Implementation);

/// <summary>test_mmap run with CPython's mmap and with the implementation, on one interpreter.</summary>
/// <param name="Interpreter">The interpreter.</param>
/// <param name="Reference">The run with CPython's mmap.</param>
/// <param name="Implementation">The run with the implementation.</param>
public sealed record StdlibTestComparison(PythonInterpreter Interpreter, StdlibTestRun Reference, StdlibTestRun Implementation)
{
    /// <summary>
    /// Whether the implementation did as well as CPython: both runs finished, with the same counts, the same per-test results,
    /// and the same way of ending.
    /// </summary>
    public bool Conforms =>
        Reference.Report is { } reference && Implementation.Report is { } implementation &&
        reference.SameCounts(implementation) && ChangedTests.Count == 0 &&
        Reference.Termination == Implementation.Termination;

    /// <summary>The tests whose result differs between the sides.</summary>
    public IReadOnlyList<ChangedTest> ChangedTests
    {
        get
        {
            IReadOnlyDictionary<string, string> reference = Reference.TestResults;
            IReadOnlyDictionary<string, string> implementation = Implementation.TestResults;
            return reference.Keys.Union(implementation.Keys)
                .Order(StringComparer.Ordinal)
                .Select(test => new ChangedTest(
                    test, reference.GetValueOrDefault(test, "not run"), implementation.GetValueOrDefault(test, "not run")))
                .Where(change => change.Reference != change.Implementation)
                .ToList();
        }
    }
}

/// <summary>
/// Runs CPython's own <c>test.test_mmap</c> through the bootstrap (<c>bootstrap.py MODULE -m unittest -v test.test_mmap</c>),
/// so that <c>mmap</c> is replaced before the tests import it. Tests that start a fresh interpreter of their own use the
/// standard library there: only the test process itself is substituted.
/// </summary>
public sealed class StdlibTestRunner
{
    private static readonly string[] s_unittestArguments = ["-m", "unittest", "-v", "test.test_mmap"];

    private const int OutputTailChars = 4000;
    private readonly RunSettings _settings;
    private readonly BootstrapLauncher _launcher;

    /// <summary>Creates the runner.</summary>
    /// <param name="settings">The run settings (module, time limit).</param>
    public StdlibTestRunner(RunSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        _launcher = new BootstrapLauncher(settings);
    }

    /// <summary>Runs test_mmap with both modules on <paramref name="interpreter"/>, one after the other.</summary>
    /// <param name="interpreter">An interpreter whose test package has test_mmap.</param>
    /// <param name="cancellationToken">Stops the runs.</param>
    /// <returns>The comparison.</returns>
    public async Task<StdlibTestComparison> CompareAsync(PythonInterpreter interpreter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interpreter);
        StdlibTestRun reference = await RunAsync(interpreter, RunSettings.ReferenceModule, cancellationToken).ConfigureAwait(false);
        StdlibTestRun implementation = await RunAsync(interpreter, _settings.ImplementationModule, cancellationToken).ConfigureAwait(false);
        return new StdlibTestComparison(interpreter, reference, implementation);
    }

    private async Task<StdlibTestRun> RunAsync(PythonInterpreter interpreter, string module, CancellationToken cancellationToken)
    {
        string folder = Directory.CreateTempSubdirectory("mmapnet-test-mmap-").FullName;
        try
        {
            BootstrapRun run = await _launcher.RunAsync(
                interpreter, module, s_unittestArguments, null, Path.Combine(folder, "run"),
                _settings.StdlibTestTimeout, cancellationToken).ConfigureAwait(false);
            if (run.Transcript is not { } transcript)
            {
                return new StdlibTestRun(
                    module, null, null, run.Error, run.Process.Duration, string.Empty, new Dictionary<string, string>());
            }

            // unittest writes its report to stderr; stdout holds what tests print.
            string output = transcript.Stderr;
            string tail = output.Length <= OutputTailChars ? output : output[^OutputTailChars..];
            return new StdlibTestRun(
                module,
                UnittestReport.Parse(output),
                transcript.Termination,
                null,
                run.Process.Duration,
                tail,
                UnittestReport.ParseTestResults(output));
        }
        finally
        {
            RunFolders.Delete(folder);
        }
    }
}
