using System;
using System.IO;
using MmapNet.Tests.Support;

namespace MmapNet.Tests;

// AsStream(): a seekable Stream over the map with its own position.
public class StreamTests : MapFixture
{
    [Test]
    public void Stream_ReadsWritesAndSeeks_WithItsOwnPosition()
    {
        MemoryMap map = MapContent(Pattern(100));
        map.Seek(7);
        using Stream stream = map.AsStream();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(stream.CanRead, Is.True);
            Assert.That(stream.CanSeek, Is.True);
            Assert.That(stream.CanWrite, Is.True);
            Assert.That(stream.Length, Is.EqualTo(100));
            Assert.That(stream.Position, Is.Zero);
        }

        byte[] buffer = new byte[10];
        Assert.That(stream.Read(buffer, 0, 10), Is.EqualTo(10));
        Assert.That(buffer, Is.EqualTo(Pattern(100)[..10]));
        stream.Write("xyz"u8);
        Assert.That(stream.Position, Is.EqualTo(13));
        Assert.That(map.GetSlice(10, 13), Is.EqualTo("xyz"u8.ToArray()));
        Assert.That(map.Position, Is.EqualTo(7), "the map's own position is untouched");
        Assert.That(stream.Seek(-5, SeekOrigin.End), Is.EqualTo(95));
        Assert.That(stream.Seek(2, SeekOrigin.Current), Is.EqualTo(97));
        Assert.That(stream.Read(buffer, 0, 10), Is.EqualTo(3));
        Assert.That(stream.Read(buffer, 0, 10), Is.Zero);
        Assert.That(stream.Seek(4, SeekOrigin.Begin), Is.EqualTo(4));
        Assert.That(stream.ReadByte(), Is.EqualTo(Pattern(100)[4]));
    }

    [Test]
    public void Stream_PositionPastTheEnd_ReadsNothingAndWriteFails()
    {
        MemoryMap map = MapAnonymous(100);
        using Stream stream = map.AsStream();
        stream.Position = 1000;
        Assert.That(stream.Read(new byte[5], 0, 5), Is.Zero);
        Assert.Throws<NotSupportedException>(() => stream.Write("a"u8));
        stream.Position = 99;
        Assert.Throws<NotSupportedException>(() => stream.Write("ab"u8));
        Assert.That(stream.Position, Is.EqualTo(99));
        Assert.That(map[99], Is.Zero, "nothing written");
    }

    [TestCase(-1L, SeekOrigin.Begin)]
    [TestCase(-101L, SeekOrigin.End)]
    [TestCase(long.MinValue, SeekOrigin.Current)]
    public void Stream_SeekBeforeTheStart_Throws(long offset, SeekOrigin origin)
    {
        MemoryMap map = MapAnonymous(100);
        using Stream stream = map.AsStream();
        Assert.Throws<IOException>(() => stream.Seek(offset, origin));
        Assert.Throws<ArgumentOutOfRangeException>(() => stream.Position = -1);
        Assert.Throws<ArgumentException>(() => stream.Seek(0, (SeekOrigin)7));
        Assert.That(stream.Position, Is.Zero);
    }

    [Test]
    public void Stream_SetLength_ResizesTheMapAndTheFile()
    {
        string path = CreateFile(100);
        MemoryMap map = Map(path);
        using Stream stream = map.AsStream();
        stream.SetLength(5000);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(stream.Length, Is.EqualTo(5000));
            Assert.That(map.Length, Is.EqualTo(5000));
            Assert.That(FileSize(path), Is.EqualTo(5000));
        }
    }

    [Test]
    public void Stream_OfAReadOnlyMap_CannotWrite()
    {
        MemoryMap map = Map(CreateFile(100), access: MapAccess.Read);
        using Stream stream = map.AsStream();
        Assert.That(stream.CanWrite, Is.False);
        Expect.Error(MmapError.ReadOnly, () => stream.Write("a"u8));
        Expect.Error(MmapError.NotResizable, () => stream.SetLength(10));
    }

    [Test]
    public void Stream_Flush_Flushes()
    {
        string path = CreateFile(new byte[100]);
        MemoryMap map = Map(path);
        using Stream stream = map.AsStream();
        stream.Write("flushed"u8);
        stream.Flush();
        Assert.That(File.ReadAllBytes(path)[..7], Is.EqualTo("flushed"u8.ToArray()));
    }

    [Test]
    public void Stream_Dispose_LeavesTheMapOpen_AndTheStreamUnusable()
    {
        MemoryMap map = MapAnonymous(100);
        Stream stream = map.AsStream();
        stream.Dispose();
        Assert.That(map.IsClosed, Is.False);
        Assert.That(stream.CanRead, Is.False);
        Assert.Throws<ObjectDisposedException>(() => stream.ReadByte());
        Assert.Throws<ObjectDisposedException>(() => stream.Write("a"u8));
        Assert.Throws<ObjectDisposedException>(() => _ = stream.Length);
        Assert.Throws<ObjectDisposedException>(() => stream.Seek(0, SeekOrigin.Begin));
        Assert.Throws<ObjectDisposedException>(() => stream.SetLength(10));
        Assert.Throws<ObjectDisposedException>(stream.Flush);
    }

    [Test]
    public void Stream_OfAClosedMap_FailsAsClosed()
    {
        MemoryMap map = MapAnonymous(100);
        using Stream stream = map.AsStream();
        map.Close();
        Assert.That(stream.CanRead, Is.False);
        Expect.Error(MmapError.ClosedOrInvalid, () => stream.ReadByte());
        Expect.Error(MmapError.ClosedOrInvalid, () => stream.Write("a"u8));
        Expect.Error(MmapError.ClosedOrInvalid, () => _ = stream.Length);
    }

    [Test]
    public void Stream_CopyTo_CopiesTheWholeMap()
    {
        MemoryMap map = MapContent(Pattern(10000));
        using Stream stream = map.AsStream();
        using MemoryStream copy = new();
        stream.CopyTo(copy);
        Assert.That(copy.ToArray(), Is.EqualTo(Pattern(10000)));
    }
}
