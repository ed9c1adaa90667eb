using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using MmapNet.CPython.Tests.Support;
using NUnit.Framework;

namespace MmapNet.Reliability.Tests;

/// <summary>
/// Faults under a live map (Scripts/faults.py): each scenario runs with the stdlib and with mmapnet in separate processes
/// of the same interpreter, and what they print and how they end are compared; the stdlib's run is the expectation.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.Children)]
public sealed class FaultTests
{
    private const int SigAbrt = 6;
    private const int SigBus = 7;

    private static readonly string[] TruncationTouches = ["read-index", "read-slice", "write-index", "find"];

    public static IEnumerable<TestCaseData> TruncationCases() => Interpreters.Cases(TruncationTouches);

    public static IEnumerable<TestCaseData> TranscriptCases() => Interpreters.Cases(new[] { "fd-closed", "file-size-limit" });

    /// <summary>
    /// The file truncated under a live map, then a page past the new end touched: the kernel sends SIGBUS. CPython dies of
    /// it. mmapnet must die too, with the same output up to the touch (nothing after it: no operation may return with
    /// made-up data). How it dies: by SIGBUS where the touch happens in native code (slices: memmove); where it happens in
    /// .NET code (m[i], m[i] = v, find), the runtime turns the fault into an AccessViolationException, which it treats as
    /// fatal (it cannot be caught), and the process ends by SIGABRT after printing it. That is the one documented
    /// difference (README, "Reliability"); anything else fails.
    /// </summary>
    [TestCaseSource(nameof(TruncationCases))]
    public async Task FileTruncatedUnderALiveMap_TouchingAPagePastTheEnd_KillsTheProcessAsInCPython(string label, string touch)
    {
        var (stdlib, mmapnet) = await RunBothAsync(label, "truncated-" + touch);
        TestContext.Out.WriteLine($"stdlib: exit {stdlib.ExitCode}; mmapnet: exit {mmapnet.ExitCode}\n{mmapnet.Stdout}{mmapnet.Stderr}");
        Assert.That(stdlib.ExitCode, Is.GreaterThan(128), "the stdlib dies by a signal\n" + stdlib.Describe());
        Assert.That(stdlib.Stdout, Does.Contain("touching: " + touch).And.Not.Contain("touched:"), stdlib.Describe());
        Assert.That(mmapnet.Stdout, Is.EqualTo(stdlib.Stdout), "the same output up to the touch, and nothing after it");
        if (mmapnet.ExitCode != stdlib.ExitCode)
        {
            Assert.That((stdlib.ExitCode, mmapnet.ExitCode), Is.EqualTo((128 + SigBus, 128 + SigAbrt)), "the one documented difference\n" + mmapnet.Describe());
            Assert.That(mmapnet.Stderr, Does.Contain("System.AccessViolationException"), mmapnet.Describe());
            TestContext.Out.WriteLine("documented difference: SIGBUS in .NET code ends as a fatal AccessViolationException (SIGABRT)");
        }
    }

    /// <summary>
    /// The descriptor the map was made from closed behind its back (mmap duplicated it), and resize() beyond
    /// RLIMIT_FSIZE (EFBIG, the reproducible stand-in for a full disk): the same transcript as the stdlib's.
    /// </summary>
    [TestCaseSource(nameof(TranscriptCases))]
    public async Task DescriptorClosedOrFileSizeLimit_SameTranscriptAsTheStdlib(string label, string scenario)
    {
        var (stdlib, mmapnet) = await RunBothAsync(label, scenario);
        TestContext.Out.WriteLine(mmapnet.Stdout);
        Assert.That(stdlib.ExitCode, Is.Zero, stdlib.Describe());
        Assert.That(mmapnet.ExitCode, Is.Zero, mmapnet.Describe());
        Assert.That(mmapnet.Stdout.Split('\n'), Is.EqualTo(stdlib.Stdout.Split('\n')), "mmapnet's transcript against the stdlib's");
    }

    private static async Task<(PythonResult Stdlib, PythonResult Mmapnet)> RunBothAsync(string label, string scenario)
    {
        var interpreter = Interpreters.Get(label);
        var start = new PythonStart { Timeout = TimeSpan.FromMinutes(1) };
        var stdlib = await PythonProcess.RunScriptAsync(interpreter, "faults.py", ["mmap", scenario], start);
        var mmapnet = await PythonProcess.RunScriptAsync(interpreter, "faults.py", ["mmapnet", scenario], start);
        Assert.That(stdlib.TimedOut || mmapnet.TimedOut, Is.False, "a run hung");
        return (stdlib, mmapnet);
    }
}
