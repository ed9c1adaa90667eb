using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using MmapNet.TestSupport;
using NUnit.Framework;

namespace MmapNet.Guest.Tests;

/// <summary>
/// A fault on a map's memory ends the process as it ends CPython's: by the same signal (SIGBUS for a page with no
/// backing, SIGSEGV for a map with no access), after the same output, with faulthandler's Python traceback when
/// faulthandler is on, whether it was enabled before the module was imported or after. Scripts/faults.py makes each
/// fault through each way a user reaches the memory: methods whose bytes .NET code reads or writes (indexing, find,
/// readline, stepped slices, iteration) and those that go through the C library (slices, read, write). Without
/// Native/memory_faults.c, the first kind ended by SIGABRT after a .NET AccessViolationException.
/// </summary>
[TestFixture]
public sealed partial class FaultTests
{
    private static readonly string[] s_truncatedAccesses =
        ["index", "assign", "slice", "stepped", "assign-slice", "find", "rfind", "readline", "read-byte", "read", "write", "iterate", "memoryview"];

    private static readonly string[] s_otherFaults =
        ["noaccess-index", "noaccess-find", "noaccess-slice", "noaccess-readline", "grown-index", "grown-assign", "grown-readline"];

    // The stdlib's run of a scenario does not depend on the route: made once per (interpreter, scenario).
    private static readonly ConcurrentDictionary<string, Task<ChildResult>> s_stdlibRuns = new();

    [TestCaseSource(typeof(TestInterpreters), nameof(TestInterpreters.RouteCases))]
    public Task FileTruncatedUnderTheMap_EveryAccess_EndsTheProcessAsCPythons(string label, MmapnetRoute route) =>
        AssertAllAsync(label, route, s_truncatedAccesses, access => "truncated-" + access, "before");

    [TestCaseSource(typeof(TestInterpreters), nameof(TestInterpreters.RouteCases))]
    public Task MapWithNoAccessOrGrownPastItsBacking_EndsTheProcessAsCPythons(string label, MmapnetRoute route) =>
        AssertAllAsync(label, route, s_otherFaults, scenario => scenario, "before");

    [TestCaseSource(typeof(TestInterpreters), nameof(TestInterpreters.RouteCases))]
    public Task FaulthandlerOffOrEnabledAfterTheImport_EndsTheProcessAsCPythons(string label, MmapnetRoute route) =>
        AssertAllAsync(label, route, ["off", "after"], _ => "truncated-index", null);

    /// <summary>
    /// A fatal signal sent to the process (kill), not made by a fault, with faulthandler on and off: the .NET runtime's
    /// handlers, which take these signals for faults, kept such a process alive on the CoreCLR and NativeAOT routes
    /// (faulthandler off), and in the host ended it by SIGABRT after overrunning faulthandler's stack (on AVX-512
    /// machines) or kept it alive (Native/memory_faults.c says how).
    /// </summary>
    [TestCaseSource(typeof(TestInterpreters), nameof(TestInterpreters.RouteCases))]
    public Task FatalSignalSentToTheProcess_EndsItAsCPythons(string label, MmapnetRoute route) =>
        AssertAllAsync(
            label, route, ["SIGSEGV before", "SIGBUS before", "SIGFPE before", "SIGILL before", "SIGSEGV off", "SIGBUS off", "SIGFPE off", "SIGILL off"],
            variant => variant.Split(' ')[0], null, "fatal_signals.py", variant => variant.Split(' ')[1]);

    /// <summary>
    /// A fault that .NET code makes itself (a null read, an integer division by zero) is the .NET exception the runtime
    /// makes of it, with mmapnet's fault handlers over the runtime's, where Python code can call .NET: the CoreCLR route
    /// with pythonnet's <c>clr</c> (faulthandler off and on), and the host (faulthandler off). Those handlers must hand
    /// the runtime every fault that is not a map's; had they taken one for a sent signal, or for a map's, the process
    /// would have died. In the host, faulthandler's handler sits above the runtime's, which started first, and ends
    /// the process at such a fault with the stdlib's mmap as with mmapnet (docs/reliability.md).
    /// </summary>
    [TestCaseSource(typeof(TestInterpreters), nameof(TestInterpreters.ClrRouteCases))]
    [TestCaseSource(nameof(HostCases))]
    public async Task FaultMadeByDotNetCode_IsTheRuntimesExceptionAndTheProcessLivesOn(string label, MmapnetRoute route)
    {
        string expected = string.Concat(
            new[] { ("integer division by zero", "DivideByZeroException"), ("null read", "AccessViolationException") }
                .SelectMany(fault => new[] { 1, 2 }.Select(attempt => $"{fault.Item1}, attempt {attempt}: {fault.Item2}\n"))) + "alive\n";
        foreach (string faulthandler in route == MmapnetRoute.Host ? new[] { "off" } : new[] { "off", "before" })
        {
            ChildResult result = await GuestScript.RunMmapnetAsync(label, route, "managed_faults.py", [faulthandler]);
            GuestScript.AssertExitedCleanly(result, $"faulthandler {faulthandler}");
            Assert.That(result.Stdout, Is.EqualTo(expected), $"faulthandler {faulthandler}:\n{result.Describe()}");
        }
    }

    public static IEnumerable<TestCaseData> HostCases() => TestInterpreters.RouteCasesOf([MmapnetRoute.Host]);

    private static async Task AssertAllAsync(
        string label, MmapnetRoute route, string[] variants, System.Func<string, string> scenarioOf, string? faulthandler,
        string script = "faults.py", System.Func<string, string>? faulthandlerOf = null)
    {
        List<string> failures = new();
        foreach (string variant in variants)
        {
            string scenario = scenarioOf(variant);
            string mode = faulthandler ?? (faulthandlerOf ?? (v => v))(variant);
            ChildResult stdlib = await s_stdlibRuns.GetOrAdd($"{label} {script} {scenario} {mode}", _ => GuestScript.RunStdlibAsync(label, script, [scenario, mode]));
            ChildResult mmapnet = await GuestScript.RunMmapnetAsync(label, route, script, [scenario, mode]);
            Assert.That(stdlib.Signal, Is.Not.Zero, $"the stdlib dies by a signal in {scenario} ({mode}):\n{stdlib.Describe()}");
            if (mmapnet.ExitCode != stdlib.ExitCode || mmapnet.Stdout != stdlib.Stdout || Normalize(mmapnet.Stderr) != Normalize(stdlib.Stderr))
            {
                failures.Add($"{scenario}, faulthandler {mode}:\n  stdlib:\n{stdlib.Describe()}\n  mmapnet:\n{mmapnet.Describe()}");
            }
        }

        Assert.That(failures, Is.Empty, string.Join("\n\n", failures));
    }

    // What differs between two runs of a traceback that is the same: thread ids, and (3.12+) the list of extension
    // modules loaded, which names mmap's own module on one side.
    private static string Normalize(string stderr) => ExtensionModules().Replace(Addresses().Replace(stderr, "0x?"), string.Empty);

    [GeneratedRegex("0x[0-9a-f]+")]
    private static partial Regex Addresses();

    [GeneratedRegex("(?m)^Extension modules:.*\n?")]
    private static partial Regex ExtensionModules();
}
