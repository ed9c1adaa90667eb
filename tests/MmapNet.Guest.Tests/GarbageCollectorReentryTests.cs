using System.Threading.Tasks;
using MmapNet.TestSupport;
using NUnit.Framework;

namespace MmapNet.Guest.Tests;

/// <summary>
/// CPython's cyclic collector may run inside any C-API call that allocates a tracked object or raises (on 3.10 and 3.11
/// raising inside an <c>except</c> block creates the exception object at once), and it calls back into the module: the
/// type's <c>tp_traverse</c> and <c>tp_dealloc</c>, a subclass's <c>__del__</c>, weakref callbacks. A call made from .NET
/// without a GC transition is then re-entered from the runtime's cooperative mode, which aborts the process. Scripts/gc_reentry.py
/// calls every slot and method on its error paths (ints past Py_ssize_t, zero and huge steps, wrong types, an
/// <c>__index__</c> that raises or collects) with the collector forced at every allocation and maps becoming garbage
/// around the call; each step must end as it does with the stdlib, and the process must live.
/// </summary>
[TestFixture]
public sealed class GarbageCollectorReentryTests
{
    private const string Script = "gc_reentry.py";

    // Enough rounds of the error handler for a collection to fall inside each of its calls many times over with the
    // default thresholds (700 tracked allocations; a round makes about 30).
    private const string LoopRounds = "20000";

    [TestCaseSource(typeof(TestInterpreters), nameof(TestInterpreters.RouteCases))]
    public async Task EverySlotAndErrorPath_WithTheCollectorForcedAtEveryAllocation_EndsAsWithTheStdlib(string label, MmapnetRoute route)
    {
        ChildResult stdlib = await GuestScript.RunStdlibAsync(label, Script, []);
        GuestScript.AssertExitedCleanly(stdlib, "the stdlib's run");
        ChildResult mmapnet = await GuestScript.RunMmapnetAsync(label, route, Script, []);
        GuestScript.AssertExitedCleanly(mmapnet, $"mmapnet's run ({route})");
        Assert.That(mmapnet.Stdout, Is.EqualTo(stdlib.Stdout));
    }

    [TestCaseSource(typeof(TestInterpreters), nameof(TestInterpreters.RouteCases))]
    public async Task ErrorHandlerSlicingPastSsizeT_WhileMapsInCyclesBecomeGarbage_RunsToTheEnd(string label, MmapnetRoute route)
    {
        ChildResult stdlib = await GuestScript.RunStdlibAsync(label, Script, [LoopRounds]);
        GuestScript.AssertExitedCleanly(stdlib, "the stdlib's run");
        ChildResult mmapnet = await GuestScript.RunMmapnetAsync(label, route, Script, [LoopRounds]);
        GuestScript.AssertExitedCleanly(mmapnet, $"mmapnet's run ({route})");
        Assert.That(mmapnet.Stdout, Is.EqualTo(stdlib.Stdout));
    }
}
