using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using MmapNet.TestSupport;
using NUnit.Framework;

namespace MmapNet.Guest.Tests;

/// <summary>
/// What importing and using mmapnet costs the process, on any machine. The .NET GC sizes its gen0 budget from the
/// largest CPU cache the system reports; some machines here report 256 MiB of L3, on which a guest runtime left to its
/// defaults held tens of MB of garbage. The runs here preload Native/large_l3_cache.c, which makes any machine report
/// that much, so the budget the guest runtime sets itself is what keeps the process flat.
/// </summary>
[TestFixture]
public sealed class MemoryAndThreadsTests
{
    // Each cycle leaves about a kilobyte of .NET garbage: 200,000 of them are 200 MB, many times any budget a cache can
    // make, so every collection the budget decides on has happened many times over by the end.
    private const int Cycles = 200_000;
    private const long GrowthLimitKib = 4 * 1024;
    private const long CoreClrImportAllowanceKib = 40 * 1024;
    private const long NativeAotImportAllowanceKib = 20 * 1024;

    private static readonly Lazy<string> s_largeCacheLibrary = new(() => PreloadLibrary.Build("large_l3_cache"), LazyThreadSafetyMode.ExecutionAndPublication);

    [TestCaseSource(typeof(TestInterpreters), nameof(TestInterpreters.StockRouteCases))]
    public async Task MapCycles_GrowResidentMemoryByAtMostFourMiB_OnAMachineReportingA256MiBCache(string label, MmapnetRoute route)
    {
        using JsonDocument report = await MeasureAsync(label, route, Cycles);
        JsonElement rss = report.RootElement.GetProperty("rss_kib");
        long growth = rss.GetProperty("after_cycles").GetInt64() - rss.GetProperty("after_one_cycle").GetInt64();
        TestContext.Out.WriteLine($"{Cycles} cycles: resident {rss.GetProperty("after_one_cycle")} KiB -> {rss.GetProperty("after_cycles")} KiB");
        Assert.That(growth, Is.LessThanOrEqualTo(GrowthLimitKib), "resident memory growth (KiB)");
    }

    [TestCaseSource(typeof(TestInterpreters), nameof(TestInterpreters.StockRouteCases))]
    public async Task RightAfterImport_ResidentMemoryIsWithinTheRoutesAllowanceOverTheStdlibs(string label, MmapnetRoute route)
    {
        ChildResult stdlib = await GuestScript.RunStdlibAsync(label, "memory_and_threads.py", ["0"]);
        GuestScript.AssertExitedCleanly(stdlib, "the stdlib's run");
        using JsonDocument stdlibReport = JsonDocument.Parse(stdlib.Stdout);
        using JsonDocument report = await MeasureAsync(label, route, 0);
        long stdlibKib = stdlibReport.RootElement.GetProperty("rss_kib").GetProperty("after_import").GetInt64();
        long mmapnetKib = report.RootElement.GetProperty("rss_kib").GetProperty("after_import").GetInt64();
        long allowance = route == MmapnetRoute.CoreClr ? CoreClrImportAllowanceKib : NativeAotImportAllowanceKib;
        TestContext.Out.WriteLine($"after import: stdlib {stdlibKib} KiB, mmapnet ({route}) {mmapnetKib} KiB");
        Assert.That(mmapnetKib - stdlibKib, Is.LessThanOrEqualTo(allowance), "resident memory over the stdlib's after import (KiB)");
    }

    /// <summary>
    /// The threads a route starts, which are all the process gains: CoreCLR its finalizer and the synchronization
    /// manager its platform layer cannot do without (no tiered-compilation worker, no debugger, diagnostics or
    /// background-GC threads); NativeAOT its finalizer. The host is CoreCLR too, and keeps nothing more from finding its
    /// interpreter (System.Diagnostics.Process left a SIGCHLD thread, the sockets engine's and three of the thread
    /// pool's). A runtime that starts more fails this until README says why.
    /// </summary>
    [TestCaseSource(typeof(TestInterpreters), nameof(TestInterpreters.RouteCases))]
    public async Task RightAfterImport_TheProcessHasOnlyTheRoutesThreads(string label, MmapnetRoute route)
    {
        using JsonDocument report = await MeasureAsync(label, route, 0);
        List<string> threads = report.RootElement.GetProperty("threads_after_import").EnumerateArray().Select(t => t.GetString()!).ToList();
        TestContext.Out.WriteLine($"threads after import: {string.Join(", ", threads)}");
        List<string> runtimeThreads = threads.Where(name => name.StartsWith(".NET ", StringComparison.Ordinal)).ToList();
        if (route is MmapnetRoute.CoreClr or MmapnetRoute.Host)
        {
            Assert.That(runtimeThreads, Is.EquivalentTo(new[] { ".NET Finalizer", ".NET SynchManag" }));
            Assert.That(threads, Has.Count.EqualTo(3));
        }
        else
        {
            // NativeAOT names its finalizer thread on some interpreters only (the name is set after the thread starts).
            Assert.That(threads, Has.Count.EqualTo(2));
            Assert.That(runtimeThreads, Is.SubsetOf(new[] { ".NET Finalizer" }));
        }
    }

    private static async Task<JsonDocument> MeasureAsync(string label, MmapnetRoute route, int cycles)
    {
        ChildStart start = new()
        {
            Environment = new Dictionary<string, string?> { ["LD_PRELOAD"] = s_largeCacheLibrary.Value },
            Timeout = TimeSpan.FromMinutes(10),
        };
        ChildResult result = await GuestScript.RunMmapnetAsync(label, route, "memory_and_threads.py", [cycles.ToString(System.Globalization.CultureInfo.InvariantCulture)], start);
        GuestScript.AssertExitedCleanly(result, $"mmapnet's run ({route})");
        return JsonDocument.Parse(result.Stdout);
    }
}
