using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using MmapNet.TestSupport;
using NUnit.Framework;

namespace MmapNet.Guest.Tests;

/// <summary>
/// The GIL is released exactly where the interpreter's own mmap releases it: around <c>munmap()</c> in close() and in
/// deallocation, and around the constructor's <c>mmap()</c> from 3.12 on; not around flush()'s <c>msync()</c>.
/// Scripts/gil_release.py notes the longest pause of another Python thread during each call, with the stdlib and
/// with mmapnet, and each call's verdict (released or held) must be the stdlib's.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class GilReleaseTests
{
    [TestCaseSource(typeof(TestInterpreters), nameof(TestInterpreters.RouteCases))]
    public async Task LongSystemCalls_LetOtherThreadsRunExactlyWhereTheStdlibDoes(string label, MmapnetRoute route)
    {
        ChildResult stdlib = await GuestScript.RunStdlibAsync(label, "gil_release.py", []);
        GuestScript.AssertExitedCleanly(stdlib, "the stdlib's run");
        ChildResult mmapnet = await GuestScript.RunMmapnetAsync(label, route, "gil_release.py", []);
        GuestScript.AssertExitedCleanly(mmapnet, $"mmapnet's run ({route})");
        TestContext.Out.WriteLine($"stdlib:\n{stdlib.Stdout}\nmmapnet:\n{mmapnet.Stdout}");

        using JsonDocument expected = JsonDocument.Parse(stdlib.Stdout);
        using JsonDocument actual = JsonDocument.Parse(mmapnet.Stdout);
        List<string> operations = expected.RootElement.EnumerateObject().Select(o => o.Name).ToList();
        Assert.That(actual.RootElement.EnumerateObject().Select(o => o.Name), Is.EqualTo(operations));
        Assert.Multiple(() =>
        {
            foreach (string operation in operations)
            {
                Assert.That(
                    actual.RootElement.GetProperty(operation).GetProperty("released").GetBoolean(),
                    Is.EqualTo(expected.RootElement.GetProperty(operation).GetProperty("released").GetBoolean()),
                    $"{operation}: whether another thread ran during the call");
            }
        });
    }
}
