using System.Collections.Generic;
using System.Text.Json;
using System.Threading.Tasks;
using MmapNet.TestSupport;
using NUnit.Framework;

namespace MmapNet.Guest.Tests;

/// <summary>
/// fork() children live as the stdlib's do. A runtime thread that holds a lock when the process forks (a background
/// compile, a collection) leaves the child hung on its first need of that lock, which for a .NET child is its first
/// call of a method not yet compiled; a signal handler of the runtime's that hands the signal to one of its threads
/// hands it, in a child, to the parent's. Scripts/fork_storm.py forks right after the import, in several fresh
/// processes, each child making the first call of some method; Scripts/fork_pool.py runs a multiprocessing.Pool with the
/// fork start method over a shared map, whose terminate() sends each worker SIGTERM.
/// </summary>
[TestFixture]
public sealed class ForkTests
{
    // Fresh processes, because the hazard is greatest in a process's first seconds; forks in each. With the background
    // compiler on, about 1 child in 100 hung here: 300 forks make a hang all but certain to show.
    private const int Processes = 5;
    private const int ForksPerProcess = 60;
    private const string ChildTimeoutSeconds = "10";

    [TestCaseSource(typeof(TestInterpreters), nameof(TestInterpreters.RouteCases))]
    public Task ForksRightAfterImport_NoChildHangs(string label, MmapnetRoute route) => AssertNoChildHangsAsync(label, route, clr: false);

    [TestCaseSource(typeof(TestInterpreters), nameof(TestInterpreters.ClrRouteCases))]
    public Task ForksRightAfterImport_WithClrInitialised_NoChildHangs(string label, MmapnetRoute route) => AssertNoChildHangsAsync(label, route, clr: true);

    [TestCaseSource(typeof(TestInterpreters), nameof(TestInterpreters.RouteCases))]
    public async Task PoolWithTheForkStartMethod_OverASharedMap_GivesTheStdlibsResults(string label, MmapnetRoute route)
    {
        ChildStart start = new() { Timeout = System.TimeSpan.FromMinutes(2) };
        ChildResult stdlib = await GuestScript.RunStdlibAsync(label, "fork_pool.py", [], start);
        GuestScript.AssertExitedCleanly(stdlib, "the stdlib's run");
        ChildResult mmapnet = await GuestScript.RunMmapnetAsync(label, route, "fork_pool.py", [], start);
        GuestScript.AssertExitedCleanly(mmapnet, $"mmapnet's run ({route})");
        Assert.That(mmapnet.Stdout, Is.EqualTo(stdlib.Stdout));
    }

    private static async Task AssertNoChildHangsAsync(string label, MmapnetRoute route, bool clr)
    {
        Dictionary<string, string?> environment = new();
        if (clr)
        {
            environment["MMAPNET_CLR"] = "1";
        }

        ChildStart start = new() { Environment = environment, Timeout = System.TimeSpan.FromMinutes(5) };
        int forks = 0, hung = 0, failed = 0;
        for (int process = 0; process < Processes; process++)
        {
            ChildResult result = await GuestScript.RunMmapnetAsync(label, route, "fork_storm.py", [ForksPerProcess.ToString(System.Globalization.CultureInfo.InvariantCulture), ChildTimeoutSeconds], start);
            GuestScript.AssertExitedCleanly(result, $"the forking process ({route})");
            using JsonDocument counts = JsonDocument.Parse(result.Stdout);
            forks += counts.RootElement.GetProperty("forks").GetInt32();
            int hungHere = counts.RootElement.GetProperty("hung").GetInt32();
            hung += hungHere;
            if (hungHere > 0)
            {
                // fork_storm.py wrote what each hung child's threads were blocked in: the evidence of which lock.
                TestContext.Out.WriteLine(result.Stderr);
            }

            failed += counts.RootElement.GetProperty("failed").GetInt32();
        }

        TestContext.Out.WriteLine($"{forks} forks, {hung} children hung, {failed} failed");
        Assert.Multiple(() =>
        {
            Assert.That(forks, Is.EqualTo(Processes * ForksPerProcess));
            Assert.That(hung, Is.Zero, "children hung");
            Assert.That(failed, Is.Zero, "children failed");
        });
    }
}
