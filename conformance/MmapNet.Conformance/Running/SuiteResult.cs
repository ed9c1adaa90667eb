using System;
using System.Collections.Generic;
using System.Linq;
using MmapNet.Conformance.Stdlib;
using MmapNet.Discovery;

namespace MmapNet.Conformance.Running;

/// <summary>How many results of each outcome one group (an interpreter, an area) has.</summary>
/// <param name="Group">The interpreter label or area name.</param>
/// <param name="Passed">Passed.</param>
/// <param name="Differing">Differing.</param>
/// <param name="Crashed">Crashed.</param>
/// <param name="TimedOut">Timed out.</param>
/// <param name="Error">Could not run.</param>
public sealed record OutcomeCounts(string Group, int Passed, int Differing, int Crashed, int TimedOut, int Error)
{
    /// <summary>All results of the group.</summary>
    public int Total => Passed + Differing + Crashed + TimedOut + Error;

    /// <summary>The count of one outcome.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns>Its count.</returns>
    public int this[CaseOutcome outcome] => outcome switch
    {
        CaseOutcome.Passed => Passed,
        CaseOutcome.Differing => Differing,
        CaseOutcome.Crashed => Crashed,
        CaseOutcome.TimedOut => TimedOut,
        _ => Error,
    };

    internal static OutcomeCounts Of(string group, IEnumerable<CaseResult> results)
    {
        Dictionary<CaseOutcome, int> byOutcome = results.GroupBy(r => r.Outcome).ToDictionary(g => g.Key, g => g.Count());
        return new OutcomeCounts(
            group,
            byOutcome.GetValueOrDefault(CaseOutcome.Passed),
            byOutcome.GetValueOrDefault(CaseOutcome.Differing),
            byOutcome.GetValueOrDefault(CaseOutcome.Crashed),
            byOutcome.GetValueOrDefault(CaseOutcome.TimedOut),
            byOutcome.GetValueOrDefault(CaseOutcome.Error));
    }
}

/// <summary>Everything one run of the suite found: what the reports are made of.</summary>
/// <param name="Settings">The settings it ran with.</param>
/// <param name="CasesFolder">The cases root.</param>
/// <param name="Interpreters">The interpreters, in order.</param>
/// <param name="Checks">Whether the implementation could be installed, per interpreter.</param>
/// <param name="Results">Every (interpreter, case) result, ordered by interpreter then case.</param>
/// <param name="StdlibTests">CPython's test_mmap on both sides, for the interpreters that have it (none with --no-stdlib-tests).</param>
/// <param name="StartedAt">When the run started.</param>
/// <param name="Duration">How long it took.</param>
public sealed record SuiteResult(
    RunSettings Settings,
    string CasesFolder,
    IReadOnlyList<PythonInterpreter> Interpreters,
    IReadOnlyList<ImplementationCheck> Checks,
    IReadOnlyList<CaseResult> Results,
    IReadOnlyList<StdlibTestComparison> StdlibTests,
    DateTimeOffset StartedAt,
    TimeSpan Duration)
{
    /// <summary>
    /// Whether the implementation conforms: every case passed on every interpreter (nothing differing, crashed, timed out or
    /// unable to run, on either side) and test_mmap gave the same results with it as with CPython's mmap.
    /// </summary>
    public bool Succeeded => Results.All(r => r.Outcome == CaseOutcome.Passed) && StdlibTests.All(s => s.Conforms);

    /// <summary>The runner's exit code: 0 when <see cref="Succeeded"/>, else 1.</summary>
    public int ExitCode => Succeeded ? 0 : 1;

    /// <summary>The results that did not pass.</summary>
    public IEnumerable<CaseResult> Failures => Results.Where(r => r.Outcome != CaseOutcome.Passed);

    /// <summary>Outcome counts per interpreter, in interpreter order.</summary>
    public IReadOnlyList<OutcomeCounts> CountsByInterpreter =>
        Interpreters.Select(i => OutcomeCounts.Of(i.Label, Results.Where(r => r.Interpreter.Label == i.Label))).ToList();

    /// <summary>Outcome counts per area (all interpreters together), in area order.</summary>
    public IReadOnlyList<OutcomeCounts> CountsByArea =>
        Results.GroupBy(r => r.Case.Area, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => OutcomeCounts.Of(g.Key, g))
            .ToList();
}
