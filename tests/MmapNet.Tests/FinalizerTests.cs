using System;
using System.Runtime.CompilerServices;
using MmapNet.Tests.Support;

namespace MmapNet.Tests;

// A map nobody closes is unmapped, and its descriptor closed, by the finalizer (as CPython's dealloc
// does when the last reference goes). Counted in /proc/self/maps and /proc/self/fd by file path,
// which is unique to the test.
[NonParallelizable]
public class FinalizerTests : MapFixture
{
    [Test]
    public void ForgottenMap_IsUnmappedAndItsDescriptorClosedByTheFinalizer()
    {
        string path = CreateFile(3 * MemoryMap.PageSize);
        MapAndForget(path);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ProcSelf.CountMappingsOf(path), Is.EqualTo(1), "mapped before collection");
            Assert.That(ProcSelf.CountDescriptorsOf(path), Is.EqualTo(1), "the map's own descriptor before collection");
        }

        CollectEverything();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ProcSelf.CountMappingsOf(path), Is.Zero);
            Assert.That(ProcSelf.CountDescriptorsOf(path), Is.Zero);
        }
    }

    [Test]
    public void ManyForgottenMaps_AreAllUnmapped()
    {
        string path = CreateFile(MemoryMap.PageSize);
        for (int i = 0; i < 50; i++)
        {
            MapAndForget(path);
        }

        Assert.That(ProcSelf.CountMappingsOf(path), Is.EqualTo(50));
        CollectEverything();
        Assert.That(ProcSelf.CountMappingsOf(path), Is.Zero);
    }

    [Test]
    public void DroppedPin_KeepsItsExportThroughCollection_SoSpansTakenFromItStayMapped()
    {
        // A span or address taken from a pin does not keep the pin reachable; were the pin released
        // by a finalizer, close() could then unmap memory the span still points to. So a pin that is
        // never disposed stays an export (close() keeps failing) rather than risk that.
        string path = CreateFile(MemoryMap.PageSize);
        MemoryMap map = Map(path);
        map[0] = 0xAB;
        nint address = PinAndDrop(map);
        CollectEverything();
        Assert.That(map.ExportCount, Is.EqualTo(1));
        Expect.Error(MmapError.CloseWithExports, map.Close);
        unsafe
        {
            Assert.That(*(byte*)address, Is.EqualTo(0xAB));
        }

        Assert.That(ProcSelf.CountMappingsOf(path), Is.EqualTo(1));
    }

    [Test]
    public void DroppedMemoryManager_KeepsTheMappingAliveAfterClose()
    {
        // Same reasoning for a Memory<byte> whose manager was dropped while a Span of it may live on.
        string path = CreateFile(MemoryMap.PageSize);
        MemoryMap map = Map(path);
        map[0] = 0xCD;
        nint address = CreateMemoryAndDrop(map);
        CollectEverything();
        map.Close();
        Assert.That(ProcSelf.CountMappingsOf(path), Is.EqualTo(1));
        unsafe
        {
            Assert.That(*(byte*)address, Is.EqualTo(0xCD));
        }
    }

    private static void CollectEverything()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        GC.WaitForPendingFinalizers();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void MapAndForget(string path) => _ = MemoryMap.OpenFile(path);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static nint PinAndDrop(MemoryMap map) => map.Pin().Address;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static unsafe nint CreateMemoryAndDrop(MemoryMap map)
    {
        fixed (byte* address = map.CreateMemory().Memory.Span)
        {
            return (nint)address;
        }
    }
}
