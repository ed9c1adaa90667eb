using System.Threading.Tasks;
using MmapNet.TestSupport;
using NUnit.Framework;

namespace MmapNet.Guest.Tests;

/// <summary>
/// A dying map is closed and unmapped before its weak references are cleared, as the stdlib's dealloc does: a weakref
/// callback or a <c>weakref.finalize</c> sees the memory unmapped and the map's own descriptor closed (when the map dies
/// in a collected cycle, CPython calls them before deallocating anything, and both modules show it still mapped).
/// </summary>
[TestFixture]
public sealed class DeallocationOrderTests
{
    [TestCaseSource(typeof(TestInterpreters), nameof(TestInterpreters.RouteCases))]
    public async Task WeakrefCallbacksAndFinalize_SeeWhatTheStdlibsSee(string label, MmapnetRoute route)
    {
        ChildResult stdlib = await GuestScript.RunStdlibAsync(label, "dealloc_order.py", []);
        GuestScript.AssertExitedCleanly(stdlib, "the stdlib's run");
        ChildResult mmapnet = await GuestScript.RunMmapnetAsync(label, route, "dealloc_order.py", []);
        GuestScript.AssertExitedCleanly(mmapnet, $"mmapnet's run ({route})");
        Assert.That(mmapnet.Stdout, Is.EqualTo(stdlib.Stdout));
    }
}
