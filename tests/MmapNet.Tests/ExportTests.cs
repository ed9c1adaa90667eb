using System;
using System.Buffers;
using MmapNet.Tests.Support;

namespace MmapNet.Tests;

// Exports (pins, pinned Memory<byte>, Python buffers) block close() and resize() as a live
// memoryview does in CPython 3.13: close() raises BufferError("cannot close exported pointers exist"),
// resize() raises BufferError("mmap can't resize with extant buffers exported.") (both measured).
public class ExportTests : MapFixture
{
    [Test]
    public void Pin_BlocksCloseAndResizeUntilDisposed()
    {
        string path = CreateFile(Pattern(100));
        MemoryMap map = Map(path);
        MemoryMapPin pin = map.Pin();
        Assert.That(map.ExportCount, Is.EqualTo(1));
        Expect.Error(MmapError.CloseWithExports, map.Close);
        Expect.Error(MmapError.CloseWithExports, map.Dispose);
        Expect.Error(MmapError.ResizeWithExports, () => map.Resize(200));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(map.IsClosed, Is.False);
            Assert.That(map.Length, Is.EqualTo(100));
            Assert.That(FileSize(path), Is.EqualTo(100));
            Assert.That(pin.ReadOnlySpan.ToArray(), Is.EqualTo(Pattern(100)));
        }

        pin.Dispose();
        Assert.That(map.ExportCount, Is.Zero);
        map.Resize(200);
        map.Close();
        Assert.That(map.IsClosed, Is.True);
    }

    [Test]
    public void Pin_IsAViewOfTheMappedBytes()
    {
        MemoryMap map = MapAnonymous(100);
        using MemoryMapPin pin = map.Pin(10, 5);
        pin.Span[0] = 42;
        pin.Span[4] = 43;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(pin.Length, Is.EqualTo(5));
            Assert.That(map[10], Is.EqualTo(42));
            Assert.That(map[14], Is.EqualTo(43));
            Assert.That(pin.Address, Is.Not.Zero);
        }

        map[11] = 9;
        Assert.That(pin.ReadOnlySpan[1], Is.EqualTo(9));
    }

    [Test]
    public void Pin_DisposedTwice_CountsOnce()
    {
        MemoryMap map = MapAnonymous(100);
        MemoryMapPin first = map.Pin();
        MemoryMapPin second = map.Pin();
        Assert.That(map.ExportCount, Is.EqualTo(2));
        first.Dispose();
        first.Dispose();
        Assert.That(map.ExportCount, Is.EqualTo(1));
        Expect.Error(MmapError.CloseWithExports, map.Close);
        second.Dispose();
        Assert.DoesNotThrow(map.Close);
    }

    [Test]
    public void Pin_AfterDispose_ThrowsObjectDisposed()
    {
        MemoryMap map = MapAnonymous(100);
        MemoryMapPin pin = map.Pin();
        pin.Dispose();
        Assert.Throws<ObjectDisposedException>(() => _ = pin.Span);
        Assert.Throws<ObjectDisposedException>(() => _ = pin.ReadOnlySpan);
        Assert.Throws<ObjectDisposedException>(() => _ = pin.Address);
    }

    [Test]
    public void Pin_OfAReadOnlyMap_RefusesTheWritableSpan()
    {
        MemoryMap map = Map(CreateFile(Pattern(100)), access: MapAccess.Read);
        using MemoryMapPin pin = map.Pin();
        Expect.Error(MmapError.ReadOnly, () => _ = pin.Span);
        Assert.That(pin.ReadOnlySpan.ToArray(), Is.EqualTo(Pattern(100)));
    }

    [TestCase(101L, null)]
    [TestCase(-1L, null)]
    [TestCase(long.MaxValue, null)]
    [TestCase(long.MinValue, null)]
    [TestCase(0L, 101)]
    [TestCase(0L, -1)]
    [TestCase(0L, int.MaxValue)]
    [TestCase(50L, 51)]
    [TestCase(100L, 1)]
    public void Pin_RangeOutsideTheMap_ThrowsAndExportsNothing(long offset, int? length)
    {
        MemoryMap map = MapAnonymous(100);
        Assert.Throws<ArgumentOutOfRangeException>(() => map.Pin(offset, length));
        Assert.Throws<ArgumentOutOfRangeException>(() => map.CreateMemory(offset, length));
        Assert.Throws<ArgumentOutOfRangeException>(() => map.CreateReadOnlyMemory(offset, length));
        Assert.That(map.ExportCount, Is.Zero);
        Assert.DoesNotThrow(map.Close);
    }

    [Test]
    public void Pin_EmptyRangeAtTheEnd_IsAllowed()
    {
        MemoryMap map = MapAnonymous(100);
        using MemoryMapPin pin = map.Pin(100);
        Assert.That(pin.Length, Is.Zero);
    }

    [Test]
    public void Resize_WithExports_ReportsTheExportsBeforeTrackFdAccessAndSize()
    {
        // CPython: an ACCESS_READ, trackfd=False map with a live memoryview: resize(10) and resize(-1)
        // both raise the BufferError.
        MemoryMap map = Map(CreateFile(100), access: MapAccess.Read, trackFileDescriptor: false);
        using MemoryMapPin pin = map.Pin();
        Expect.Error(MmapError.ResizeWithExports, () => map.Resize(10));
        Expect.Error(MmapError.ResizeWithExports, () => map.Resize(-1));
    }

    [Test]
    public void MemoryManager_ReadsAndWritesTheMappedBytes()
    {
        MemoryMap map = MapAnonymous(100);
        using IMemoryOwner<byte> manager = map.CreateMemory(20, 10);
        Memory<byte> memory = manager.Memory;
        memory.Span[0] = 1;
        memory.Span[9] = 2;
        map[21] = 3;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(memory.Length, Is.EqualTo(10));
            Assert.That(map[20], Is.EqualTo(1));
            Assert.That(map[29], Is.EqualTo(2));
            Assert.That(memory.Span[1], Is.EqualTo(3));
            Assert.That(map.ExportCount, Is.Zero, "an unpinned Memory is not an export");
        }
    }

    [Test]
    public void MemoryManager_PinnedMemory_BlocksCloseAndResizeUntilUnpinned()
    {
        MemoryMap map = MapAnonymous(100);
        IMemoryOwner<byte> manager = Own(map.CreateMemory());
        MemoryHandle handle = manager.Memory.Pin();
        Assert.That(map.ExportCount, Is.EqualTo(1));
        Expect.Error(MmapError.CloseWithExports, map.Close);
        Expect.Error(MmapError.ResizeWithExports, () => map.Resize(200));
        handle.Dispose();
        Assert.That(map.ExportCount, Is.Zero);
        manager.Dispose();
        map.Resize(200);
        Assert.DoesNotThrow(map.Close);
    }

    [Test]
    public void MemoryManager_Unpinned_DoesNotBlockClose_AndKeepsTheMemoryMappedUntilDisposed()
    {
        string path = CreateFile(Pattern(100));
        MemoryMap map = Map(path);
        MemoryMapReadOnlyMemory manager = map.CreateReadOnlyMemory();
        map.Close();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(map.IsClosed, Is.True);
            Assert.That(ProcSelf.CountMappingsOf(path), Is.EqualTo(1), "still mapped for the manager");
            Assert.That(manager.Memory.Span.ToArray(), Is.EqualTo(Pattern(100)));
        }

        Expect.Error(MmapError.ClosedOrInvalid, () => manager.Memory.Pin());
        manager.Dispose();
        Assert.That(ProcSelf.CountMappingsOf(path), Is.Zero, "the last lease unmapped it");
    }

    [Test]
    public void MemoryManager_Alive_MakesResizeFailRatherThanMoveMemoryUnderIt()
    {
        MemoryMap map = MapAnonymous(100);
        IMemoryOwner<byte> manager = map.CreateMemory();
        Expect.Error(MmapError.ResizeWithExports, () => map.Resize(1 << 20));
        Assert.That(map.Length, Is.EqualTo(100));
        manager.Dispose();
        map.Resize(1 << 20);
        Assert.That(map.Length, Is.EqualTo(1 << 20));
    }

    [Test]
    public void MemoryManager_AfterDispose_ThrowsObjectDisposed()
    {
        MemoryMap map = MapAnonymous(100);
        IMemoryOwner<byte> manager = map.CreateMemory();
        manager.Dispose();
        Assert.Throws<ObjectDisposedException>(() => _ = manager.Memory.Span);
        Assert.Throws<ObjectDisposedException>(() => manager.Memory.Pin());
        Assert.DoesNotThrow(manager.Dispose);
    }

    [TestCase(-1)]
    [TestCase(11)]
    public void MemoryManager_PinOutsideTheRange_Throws(int index)
    {
        MemoryMap map = MapAnonymous(100);
        using IMemoryOwner<byte> manager = map.CreateMemory(0, 10);
        Assert.Throws<ArgumentOutOfRangeException>(() => manager.Memory.Slice(index).Pin());
        Assert.That(map.ExportCount, Is.Zero);
    }

    [Test]
    public void CreateMemory_OfAReadOnlyMap_IsTypeError_ButReadOnlyMemoryWorks()
    {
        MemoryMap map = Map(CreateFile(Pattern(100)), access: MapAccess.Read);
        Expect.Error(MmapError.ReadOnly, () => map.CreateMemory());
        using MemoryMapReadOnlyMemory manager = map.CreateReadOnlyMemory(90);
        ReadOnlyMemory<byte> memory = manager.Memory;
        Assert.That(memory.ToArray(), Is.EqualTo(Pattern(100)[90..]));
    }

    [Test]
    public void PythonBuffer_AddExportBlocksCloseAndResize_RemoveExportReleases()
    {
        // The CPython face's bf_getbuffer/bf_releasebuffer count exports through these.
        MemoryMap map = MapAnonymous(100);
        Assert.That(map.AddExport().IsOk, Is.True);
        Assert.That(map.AddExport().IsOk, Is.True);
        Expect.Error(MmapError.CloseWithExports, map.Close);
        Expect.Error(MmapError.ResizeWithExports, () => map.Resize(10));
        map.RemoveExport();
        Expect.Error(MmapError.CloseWithExports, map.Close);
        map.RemoveExport();
        map.Resize(10);
        map.Close();
        Assert.That(map.AddExport().Error, Is.EqualTo(MmapError.ClosedOrInvalid));
        Assert.That(map.ExportCount, Is.Zero);
    }

    [Test]
    public void LongLease_KeepsTheMemoryMappedAfterClose_AndFailsOnAClosedMap()
    {
        string path = CreateFile(100);
        MemoryMap map = Map(path);
        Assert.That(map.TryAcquireLongLease(), Is.True);
        map.Close();
        Assert.That(ProcSelf.CountMappingsOf(path), Is.EqualTo(1));
        Assert.That(map.TryAcquireLongLease(), Is.False);
        map.ReleaseLongLease();
        Assert.That(ProcSelf.CountMappingsOf(path), Is.Zero);
    }
}
