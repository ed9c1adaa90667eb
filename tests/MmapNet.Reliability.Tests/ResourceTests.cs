using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Tasks;
using MmapNet.TestSupport;
using NUnit.Framework;

namespace MmapNet.Reliability.Tests;

/// <summary>
/// Resources: create/use/close cycles leave descriptors and resident memory where they were; maps nobody closes are
/// released by the garbage collector (Python's, and .NET's for a <see cref="MemoryMap"/>); fork children see their
/// parent's shared and private maps as with the stdlib.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.Children)]
public sealed class ResourceTests
{
    // 50,000 anonymous and 50,000 file-backed cycles (the issue's 100k create/use/close cycles), about 10 s of CPU
    // per interpreter here. tests/MmapNet.CPython.Tests/LeakTests runs a million cycles of one kind with reference
    // counts; these cover every flavour (shared/private anonymous, the four accesses of a file map).
    private const int Cycles = 50_000;

    // Each file cycle duplicates a descriptor and closes it: a leak would show as tens of thousands. None is allowed.
    // Resident memory: a leaked page per cycle would be 400 MiB, a leaked 32-byte object per cycle 3 MiB; after the
    // warm-up the stdlib grows by 0 KiB here and mmapnet by less than 100 KiB (the .NET heap settling).
    private const long ResidentGrowthLimitKib = 1024;

    public static IEnumerable<TestCaseData> InterpreterCases() => TestInterpreters.Cases();

    [TestCaseSource(nameof(InterpreterCases))]
    public async Task CreateUseCloseCycles_LeaveDescriptorsAndResidentMemoryFlat_AndForgottenMapsAreCollected(string label)
    {
        ChildResult result = await PythonProcess.RunScriptAsync(
            TestInterpreters.Get(label), "resource_cycles.py", ["mmapnet", Cycles.ToString(CultureInfo.InvariantCulture)],
            new PythonStart { Timeout = TimeSpan.FromMinutes(5) });
        Assert.That(result.ExitCode, Is.Zero, result.Describe());
        JsonElement report = JsonDocument.Parse(result.Stdout).RootElement;
        long Figure(string when, string what) => report.GetProperty(when).GetProperty(what).GetInt64();
        TestContext.Out.WriteLine(
            $"mmapnet on {label}: {Cycles} anonymous + {Cycles} file cycles in {report.GetProperty("seconds")} s; " +
            $"open fds {Figure("before", "open_fds")} -> {Figure("after", "open_fds")}, " +
            $"VmRSS {Figure("before", "rss_kib")} KiB -> {Figure("after", "rss_kib")} KiB; " +
            $"{report.GetProperty("forgotten")} maps never closed: mappings/descriptors of their file " +
            $"{Figure("forgotten_alive", "mappings")}/{Figure("forgotten_alive", "descriptors")} alive, " +
            $"{Figure("forgotten_collected", "mappings")}/{Figure("forgotten_collected", "descriptors")} after del + gc.collect()");
        long forgotten = report.GetProperty("forgotten").GetInt64();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Figure("after", "open_fds"), Is.EqualTo(Figure("before", "open_fds")), "open descriptors");
            Assert.That(Figure("after", "rss_kib") - Figure("before", "rss_kib"), Is.LessThanOrEqualTo(ResidentGrowthLimitKib), "resident memory growth (KiB)");
            // The measure works: with the maps alive, each has its mapping and its own duplicated descriptor.
            Assert.That(Figure("forgotten_alive", "mappings"), Is.EqualTo(forgotten));
            Assert.That(Figure("forgotten_alive", "descriptors"), Is.EqualTo(forgotten));
            Assert.That(Figure("forgotten_collected", "mappings"), Is.Zero, "mappings left after del and gc.collect()");
            Assert.That(Figure("forgotten_collected", "descriptors"), Is.Zero, "descriptors left after del and gc.collect()");
        }
    }

    [TestCaseSource(nameof(InterpreterCases))]
    public async Task ForkChildren_SeeSharedAndPrivateMapsAsWithTheStdlib(string label)
    {
        ChildResult result = await PythonProcess.RunScriptAsync(TestInterpreters.Get(label), "fork_maps.py", [], new PythonStart { Timeout = TimeSpan.FromMinutes(2) });
        // A parent that dies after its child ran .NET code (as it did with the runtime's W^X on) fails here.
        Assert.That(result.ExitCode, Is.Zero, result.Describe());
        string[] parts = result.Stdout.Split("== mmapnet\n");
        Assert.That(parts, Has.Length.EqualTo(2), result.Describe());
        string[] stdlib = parts[0].Replace("== mmap\n", string.Empty, StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        string[] mmapnet = parts[1].Split('\n', StringSplitOptions.RemoveEmptyEntries);
        TestContext.Out.WriteLine(string.Join("\n", mmapnet));
        // The stdlib's transcript is the oracle; it must at least show all four kinds and their children exiting.
        Assert.That(stdlib.Count(line => line.EndsWith(" child exit 0", StringComparison.Ordinal)), Is.EqualTo(4), parts[0]);
        Assert.That(mmapnet, Is.EqualTo(stdlib), "mmapnet's transcript, line by line, against the stdlib's");
    }

    /// <summary>
    /// The .NET side: a <see cref="MemoryMap"/> nobody disposes is unmapped, and its descriptor closed, by its SafeHandle
    /// finalizers. Many of them, file-backed (counted by path in /proc/self/maps and /proc/self/fd) and anonymous
    /// (counted in the process's virtual size: 200 forgotten 1 MiB maps are 200 MiB).
    /// </summary>
    [Test]
    [NonParallelizable]
    public void UnreferencedMemoryMaps_AreUnmappedByTheirFinalizers()
    {
        using ScratchFolder folder = new("reliability-tests");
        string path = Path.Combine(folder.Path, "forgotten.bin");
        File.WriteAllBytes(path, new byte[MemoryMap.PageSize]);
        const int FileMaps = 500;
        const int AnonymousMaps = 200;
        const long AnonymousLength = 1 << 20;

        CollectEverything();
        long virtualBefore = VirtualKib();
        MapAndForget(path, FileMaps, AnonymousMaps, AnonymousLength);
        int mappingsAlive = CountMappingsOf(path);
        int descriptorsAlive = CountDescriptorsOf(path);
        long virtualAlive = VirtualKib();
        CollectEverything();
        int mappingsAfter = CountMappingsOf(path);
        int descriptorsAfter = CountDescriptorsOf(path);
        long virtualAfter = VirtualKib();
        TestContext.Out.WriteLine($"{FileMaps} file maps: mappings {mappingsAlive} -> {mappingsAfter}, descriptors {descriptorsAlive} -> {descriptorsAfter}; " +
                                  $"{AnonymousMaps} anonymous 1 MiB maps: VmSize {virtualBefore} KiB -> {virtualAlive} KiB alive -> {virtualAfter} KiB collected");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(mappingsAlive, Is.EqualTo(FileMaps), "the count works: every map is there before the collection");
            Assert.That(descriptorsAlive, Is.EqualTo(FileMaps));
            Assert.That(virtualAlive - virtualBefore, Is.GreaterThanOrEqualTo(AnonymousMaps * AnonymousLength / 1024));
            Assert.That(mappingsAfter, Is.Zero, "file mappings left after collection");
            Assert.That(descriptorsAfter, Is.Zero, "descriptors left after collection");
            // Other threads of the test host may map a little meanwhile; 200 MiB of forgotten maps may not stay.
            Assert.That(virtualAfter - virtualBefore, Is.LessThan(32 * 1024), "VmSize growth after collection (KiB)");
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void MapAndForget(string path, int fileMaps, int anonymousMaps, long anonymousLength)
    {
        for (int i = 0; i < fileMaps; i++)
        {
            MemoryMap map = MemoryMap.OpenFile(path);
            map[i % map.Length] = 1;
        }

        for (int i = 0; i < anonymousMaps; i++)
        {
            MemoryMap map = MemoryMap.CreateAnonymous(anonymousLength);
            map[0] = 1;
        }
    }

    private static void CollectEverything()
    {
        for (int i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
    }

    private static int CountMappingsOf(string path) =>
        File.ReadAllLines("/proc/self/maps").Count(line => line.EndsWith(" " + path, StringComparison.Ordinal));

    private static int CountDescriptorsOf(string path) =>
        Directory.GetFiles("/proc/self/fd").Count(link =>
        {
            try
            {
                return new FileInfo(link).LinkTarget == path;
            }
            catch (IOException)
            {
                return false; // closed meanwhile (the descriptor GetFiles itself used)
            }
        });

    private static long VirtualKib() =>
        long.Parse(File.ReadAllLines("/proc/self/status").Single(line => line.StartsWith("VmSize:", StringComparison.Ordinal))
            .Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
}
