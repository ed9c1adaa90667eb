using System;
using System.IO;
using MmapNet.Tests.Support;

namespace MmapNet.Tests;

// resize(): ftruncate of the file to offset + new size, then mremap. Expected outcomes measured with
// CPython 3.13.0.
public class ResizeTests : MapFixture
{
    [Test]
    public void Resize_Grow_GrowsTheFileAndTheMapAndKeepsTheContent()
    {
        // CPython: a 10000-byte map resized to 20000: len, size() and the file are 20000, m[19999] == 0.
        byte[] content = Pattern(10000);
        string path = CreateFile(content);
        MemoryMap map = Map(path);
        map.Resize(20000);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(map.Length, Is.EqualTo(20000));
            Assert.That(map.GetFileSize(), Is.EqualTo(20000));
            Assert.That(FileSize(path), Is.EqualTo(20000));
            Assert.That(map[19999], Is.Zero);
            Assert.That(map.GetSlice(0, 10000), Is.EqualTo(content));
        }

        map[19999] = 7;
        map.Flush();
        Assert.That(File.ReadAllBytes(path)[19999], Is.EqualTo(7));
    }

    [Test]
    public void Resize_Shrink_ShrinksTheFileAndTheMap()
    {
        byte[] content = Pattern(10000);
        string path = CreateFile(content);
        MemoryMap map = Map(path);
        map.Resize(5000);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(map.Length, Is.EqualTo(5000));
            Assert.That(map.GetFileSize(), Is.EqualTo(5000));
            Assert.That(File.ReadAllBytes(path), Is.EqualTo(content[..5000]));
        }
    }

    [Test]
    public void Resize_MapWithAnOffset_SetsTheFileToOffsetPlusNewSize()
    {
        // CPython (4 KiB pages): mmap(fd, 4096, offset=4096) of an 8192-byte file: len 4096, size() 8192;
        // resize(100) gives len 100, size() 4196 and a 4196-byte file. In pages, for kernels with larger ones.
        int page = MemoryMap.PageSize;
        string path = CreateFile(2 * page);
        MemoryMap map = Map(path, length: page, offset: page);
        Assert.That(map.GetFileSize(), Is.EqualTo(2 * page));
        map.Resize(100);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(map.Length, Is.EqualTo(100));
            Assert.That(map.GetFileSize(), Is.EqualTo(page + 100));
            Assert.That(FileSize(path), Is.EqualTo(page + 100));
            Assert.That(map[0], Is.EqualTo(Pattern(2 * page)[page]));
        }
    }

    [Test]
    public void Resize_ToZero_TruncatesTheFileThenFailsWithEinvalFromMremap()
    {
        // CPython: resize(0) of an 8192-byte map raises OSError(EINVAL); afterwards len(m) is still
        // 8192, size() and the file are 0, and the map is not closed. (The map's pages now lie past
        // the end of the file: touching them would raise SIGBUS, in CPython too, so the test does not.)
        string path = CreateFile(8192);
        MemoryMap map = Map(path);
        Expect.OSError(Expect.EINVAL, () => map.Resize(0));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(map.Length, Is.EqualTo(8192));
            Assert.That(map.GetFileSize(), Is.Zero);
            Assert.That(FileSize(path), Is.Zero);
            Assert.That(map.IsClosed, Is.False);
        }
    }

    [Test]
    public void Resize_ToZeroWithAnOffset_TruncatesTheFileToTheOffset()
    {
        // CPython (4 KiB pages): the offset map above, after resize(100), then resize(0): OSError(EINVAL), len 100,
        // size() and the file 4096. In pages, for kernels with larger ones.
        int page = MemoryMap.PageSize;
        string path = CreateFile(2 * page);
        MemoryMap map = Map(path, length: page, offset: page);
        map.Resize(100);
        Expect.OSError(Expect.EINVAL, () => map.Resize(0));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(map.Length, Is.EqualTo(100));
            Assert.That(map.GetFileSize(), Is.EqualTo(page));
            Assert.That(FileSize(path), Is.EqualTo(page));
        }
    }

    [Test]
    public void Resize_AnonymousSharedMap_ChangesTheLength()
    {
        // CPython: mmap(-1, 100).resize(200) and then resize(10000) give len 200 and 10000;
        // an 8192-byte map shrunk to 4096 keeps m[0].
        MemoryMap map = MapAnonymous(8192);
        map[0] = 5;
        map.Resize(4096);
        Assert.That(map.Length, Is.EqualTo(4096));
        Assert.That(map[0], Is.EqualTo(5));
        map.Resize(16384);
        Assert.That(map.Length, Is.EqualTo(16384));
        Assert.That(map[4095], Is.Zero);
        Assert.That(map[0], Is.EqualTo(5));
    }

    [Test]
    public void Resize_AnonymousPrivateMap_KeepsTheContent()
    {
        // CPython: mmap(-1, 100, flags=MAP_PRIVATE) after write(b"hello"): resize(100000) keeps
        // b'hello' with m[99999] == 0; resize(3) leaves b'hel'.
        MemoryMap map = MapAnonymous(100, MapFlags.Private);
        map.Write("hello"u8);
        map.Resize(100000);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(map.GetSlice(0, 5), Is.EqualTo("hello"u8.ToArray()));
            Assert.That(map[99999], Is.Zero);
            Assert.That(map.Length, Is.EqualTo(100000));
        }

        map.Resize(3);
        Assert.That(map.GetSlice(0, long.MaxValue), Is.EqualTo("hel"u8.ToArray()));
    }

    [Test]
    public void Resize_AnonymousToZero_IsEinvalAndKeepsTheLength()
    {
        // CPython: mmap(-1, 100).resize(0) raises OSError(EINVAL); len stays 100.
        MemoryMap map = MapAnonymous(100);
        Expect.OSError(Expect.EINVAL, () => map.Resize(0));
        Assert.That(map.Length, Is.EqualTo(100));
    }

    [Test]
    public void Resize_AnonymousToMaxValue_IsEinvalFromMremap()
    {
        // CPython: an anonymous map's resize(sys.maxsize) raises OSError(EINVAL).
        MemoryMap map = MapAnonymous(16384);
        Expect.OSError(Expect.EINVAL, () => map.Resize(long.MaxValue));
        Assert.That(map.Length, Is.EqualTo(16384));
    }

    [TestCase(-1L)]
    [TestCase(long.MinValue)]
    public void Resize_Negative_IsNewSizeOutOfRange(long size)
    {
        // CPython: resize(-1) raises ValueError("new size out of range").
        string path = CreateFile(100);
        MemoryMap map = Map(path);
        Expect.Error(MmapError.NewSizeOutOfRange, () => map.Resize(size));
        Assert.That(FileSize(path), Is.EqualTo(100));
    }

    [Test]
    public void Resize_SizeThatOverflowsWithTheOffset_IsNewSizeOutOfRange()
    {
        // CPython: the map at offset 4096: resize(sys.maxsize - 4095) raises "new size out of range";
        // resize(sys.maxsize - 4096) gets to ftruncate and raises OSError(EFBIG).
        string path = CreateFile(8192);
        MemoryMap map = Map(path, length: 4096, offset: 4096);
        Expect.Error(MmapError.NewSizeOutOfRange, () => map.Resize(long.MaxValue - 4095));
        Expect.OSError(Expect.EFBIG, () => map.Resize(long.MaxValue - 4096));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(map.Length, Is.EqualTo(4096));
            Assert.That(FileSize(path), Is.EqualTo(8192));
        }
    }

    [Test]
    public void Resize_MaxValue_IsEfbigFromFtruncate()
    {
        // CPython: resize(sys.maxsize) of a file map raises OSError(EFBIG) (errno 27).
        string path = CreateFile(100);
        MemoryMap map = Map(path);
        Expect.OSError(Expect.EFBIG, () => map.Resize(long.MaxValue));
        Assert.That(map.Length, Is.EqualTo(100));
    }

    [TestCase(MapAccess.Read)]
    [TestCase(MapAccess.Copy)]
    public void Resize_ReadOnlyOrCopyMap_IsTypeError(MapAccess access)
    {
        string path = CreateFile(100);
        MemoryMap map = Map(path, access: access);
        Expect.Error(MmapError.NotResizable, () => map.Resize(10));
        Assert.That(FileSize(path), Is.EqualTo(100));
    }

    [Test]
    public void Resize_WriteAccess_Resizes()
    {
        string path = CreateFile(100);
        MemoryMap map = Map(path, access: MapAccess.Write);
        map.Resize(50);
        Assert.That(FileSize(path), Is.EqualTo(50));
    }

    [Test]
    public void Shrink_LeavesThePositionPastTheEnd_AndEveryOperationCopesLikeCPython()
    {
        // CPython: a 10000-byte map at position 9000 resized to 5000: tell() 9000; read(), read(1),
        // readline() are b''; read_byte() "read byte out of range"; write(b"") and write(b"a") "data
        // out of range"; write_byte "write byte out of range"; find/rfind(b"0") -1; find/rfind(b"")
        // 5000; tell() still 9000; seek(0, 1) "seek out of range"; seek(-4001, 1) == 4999.
        MemoryMap map = Map(CreateFile(10000));
        map.Seek(9000);
        map.Resize(5000);
        Assert.That(map.Position, Is.EqualTo(9000));
        Assert.That(map.Read(), Is.Empty);
        Assert.That(map.Read(1), Is.Empty);
        Assert.That(map.Read(new byte[4].AsSpan()), Is.Zero);
        Assert.That(map.ReadLine(), Is.Empty);
        Expect.Error(MmapError.ReadByteOutOfRange, () => map.ReadByte());
        Expect.Error(MmapError.DataOutOfRange, () => map.Write([]));
        Expect.Error(MmapError.DataOutOfRange, () => map.Write("a"u8));
        Expect.Error(MmapError.WriteByteOutOfRange, () => map.WriteByte(1));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(map.Find("\0"u8), Is.EqualTo(-1));
            Assert.That(map.ReverseFind("\0"u8), Is.EqualTo(-1));
            Assert.That(map.Find(""u8), Is.EqualTo(5000));
            Assert.That(map.ReverseFind(""u8), Is.EqualTo(5000));
            Assert.That(map.Position, Is.EqualTo(9000));
        }

        Expect.Error(MmapError.SeekOutOfRange, () => map.Seek(0, SeekOrigin.Current));
        Assert.That(map.Seek(-4001, SeekOrigin.Current), Is.EqualTo(4999));
    }
}
