using System;
using System.Collections.Generic;
using System.IO;
using MmapNet.Tests.Support;

namespace MmapNet.Tests;

// close(), closed, and every operation on a closed map: CPython 3.13 raises
// ValueError("mmap closed or invalid") for each of them (measured), the .NET API ObjectDisposedException
// with that text; close() again does nothing.
public class CloseTests : MapFixture
{
    public static IEnumerable<TestCaseData> Operations()
    {
        yield return Case("Length", m => _ = m.Length);
        yield return Case("Position", m => _ = m.Position);
        yield return Case("Position = 0", m => m.Position = 0);
        yield return Case("Read()", m => m.Read());
        yield return Case("Read(1)", m => m.Read(1));
        yield return Case("Read(span)", m => m.Read(new byte[1].AsSpan()));
        yield return Case("ReadByte", m => m.ReadByte());
        yield return Case("ReadLine", m => m.ReadLine());
        yield return Case("Write", m => m.Write("a"u8));
        yield return Case("WriteByte", m => m.WriteByte(1));
        yield return Case("Seek", m => m.Seek(0));
        yield return Case("Seek with unknown whence", m => m.Seek(0, (SeekOrigin)9));
        yield return Case("Find", m => m.Find("a"u8));
        yield return Case("Find(start, end)", m => m.Find("a"u8, 0, 10));
        yield return Case("ReverseFind", m => m.ReverseFind("a"u8));
        yield return Case("ReverseFind(start, end)", m => m.ReverseFind("a"u8, 0, 10));
        yield return Case("Flush", m => m.Flush());
        yield return Case("Flush out of range", m => m.Flush(-1, 1));
        yield return Case("Advise", m => m.Advise(MemoryAdvice.Normal));
        yield return Case("Advise out of range", m => m.Advise(MemoryAdvice.Normal, -1));
        yield return Case("Move", m => m.Move(0, 0, 1));
        yield return Case("Move out of range", m => m.Move(-1, 0, 0));
        yield return Case("this[0]", m => _ = m[0]);
        yield return Case("this[0] = 1", m => m[0] = 1);
        yield return Case("GetSlice", m => m.GetSlice(0, 1));
        yield return Case("GetSlice step 0", m => m.GetSlice(0, 1, 0));
        yield return Case("SetSlice", m => m.SetSlice(0, 1, 1, "a"u8));
        yield return Case("SetSlice step 0", m => m.SetSlice(0, 1, 0, "a"u8));
        yield return Case("GetFileSize", m => m.GetFileSize());
        yield return Case("Resize", m => m.Resize(10));
        yield return Case("Resize negative", m => m.Resize(-1));
        yield return Case("Pin", m => m.Pin());
        yield return Case("CreateMemory", m => m.CreateMemory());
        yield return Case("CreateReadOnlyMemory", m => m.CreateReadOnlyMemory());
        yield return Case("ReadAt", m => m.ReadAt(0, new byte[1]));
        yield return Case("WriteAt", m => m.WriteAt(0, "a"u8));
        yield return Case("AsStream", m => m.AsStream());
    }

    [TestCaseSource(nameof(Operations))]
    public void Operation_OnAClosedMap_IsClosedOrInvalid(Action<MemoryMap> operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        MemoryMap map = Map(CreateFile(100));
        map.Close();
        Expect.Error(MmapError.ClosedOrInvalid, () => operation(map));
    }

    [TestCaseSource(nameof(Operations))]
    public void Operation_OnAClosedAnonymousMap_IsClosedOrInvalid(Action<MemoryMap> operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        MemoryMap map = MapAnonymous(100);
        map.Close();
        Expect.Error(MmapError.ClosedOrInvalid, () => operation(map));
    }

    [Test]
    public void Close_MarksClosedAndSecondCloseDoesNothing()
    {
        MemoryMap map = Map(CreateFile(100));
        Assert.That(map.IsClosed, Is.False);
        map.Close();
        Assert.That(map.IsClosed, Is.True);
        Assert.DoesNotThrow(map.Close);
        Assert.DoesNotThrow(map.Dispose);
        Assert.That(map.IsClosed, Is.True);
    }

    [Test]
    public void Dispose_ClosesTheMap()
    {
        MemoryMap map = Map(CreateFile(100));
        map.Dispose();
        Assert.That(map.IsClosed, Is.True);
        Expect.Error(MmapError.ClosedOrInvalid, () => map.ReadByte());
    }

    [Test]
    public void Close_UnmapsTheFile()
    {
        string path = CreateFile(3 * MemoryMap.PageSize);
        MemoryMap map = Map(path);
        Assert.That(ProcSelf.CountMappingsOf(path), Is.EqualTo(1));
        map.Close();
        Assert.That(ProcSelf.CountMappingsOf(path), Is.Zero);
    }

    [Test]
    public void Close_OfAReadOnlyMap_OperationsReportClosedBeforeReadOnly()
    {
        MemoryMap map = Map(CreateFile(100), access: MapAccess.Read);
        map.Close();
        Expect.Error(MmapError.ClosedOrInvalid, () => map.Write("a"u8));
        Expect.Error(MmapError.ClosedOrInvalid, () => map[0] = 1);
        Expect.Error(MmapError.ClosedOrInvalid, () => map.Resize(1));
    }

    private static TestCaseData Case(string name, Action<MemoryMap> operation) =>
        new TestCaseData(operation).SetArgDisplayNames(name);
}
