using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using MmapNet.Discovery;
using MmapNet.TestSupport;
using NUnit.Framework;

namespace MmapNet.Reliability.Tests;

/// <summary>
/// Faults under a live map that the map survives (Scripts/faults.py): each scenario runs with the stdlib and with mmapnet
/// in separate processes of the same interpreter, and what they print and how they end are compared; the stdlib's run is
/// the expectation. (Faults that end the process are MmapNet.Guest.Tests' FaultTests.)
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.Children)]
public sealed class FaultTests
{
    public static IEnumerable<TestCaseData> TranscriptCases() => TestInterpreters.Cases(new[] { "fd-closed", "file-size-limit" });

    /// <summary>
    /// The descriptor the map was made from closed behind its back (mmap duplicated it), and resize() beyond
    /// RLIMIT_FSIZE (EFBIG, the reproducible stand-in for a full disk): the same transcript as the stdlib's.
    /// </summary>
    [TestCaseSource(nameof(TranscriptCases))]
    public async Task DescriptorClosedOrFileSizeLimit_SameTranscriptAsTheStdlib(string label, string scenario)
    {
        (ChildResult? stdlib, ChildResult? mmapnet) = await RunBothAsync(label, scenario);
        TestContext.Out.WriteLine(mmapnet.Stdout);
        Assert.That(stdlib.ExitCode, Is.Zero, stdlib.Describe());
        Assert.That(mmapnet.ExitCode, Is.Zero, mmapnet.Describe());
        Assert.That(mmapnet.Stdout.Split('\n'), Is.EqualTo(stdlib.Stdout.Split('\n')), "mmapnet's transcript against the stdlib's");
    }

    private static async Task<(ChildResult Stdlib, ChildResult Mmapnet)> RunBothAsync(string label, string scenario)
    {
        PythonInterpreter interpreter = TestInterpreters.Get(label);
        PythonStart start = new() { Timeout = TimeSpan.FromMinutes(1) };
        ChildResult stdlib = await PythonProcess.RunScriptAsync(interpreter, "faults.py", ["mmap", scenario], start);
        ChildResult mmapnet = await PythonProcess.RunScriptAsync(interpreter, "faults.py", ["mmapnet", scenario], start);
        Assert.That(stdlib.TimedOut || mmapnet.TimedOut, Is.False, "a run hung");
        return (stdlib, mmapnet);
    }
}
