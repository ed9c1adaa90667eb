using System;
using System.IO;
using System.Threading.Tasks;

// The contract suite calls each of Stream's overloads on purpose, and looks at partial reads itself:
// CA1835 (prefer the Memory overloads), CA2022 (inexact reads) and CA2012 (a ValueTask kept for a check) do not apply.
#pragma warning disable CA1835, CA2022, CA2012
namespace MmapNet.Tests.StreamContract;

// The kinds of map the Stream contract is checked on, with what is particular to each.

/// <summary>A file mapped with <see cref="MapAccess.Read"/>: readable, not writable, not resizable.</summary>
[TestFixture]
public sealed class ReadOnlyFileMapStreamTests : MapStreamContract
{
    protected override bool Writable => false;

    protected override bool Resizable => false;

    protected override MemoryMap MapHolding(byte[] content) =>
        Map(CreateFile(content), access: MapAccess.Read, fileAccess: FileAccess.Read);

    [Test]
    public void Write_AndSetLength_AreNotSupported_AndChangeNothing()
    {
        using Stream stream = StreamOver([1, 2, 3, 4]);
        using (Assert.EnterMultipleScope())
        {
            Assert.Throws<NotSupportedException>(() => stream.WriteByte(1));
            Assert.Throws<NotSupportedException>(() => stream.Write(new byte[1].AsSpan()));
            Assert.Throws<NotSupportedException>(() => stream.Write(new byte[1], 0, 1));
            Assert.ThrowsAsync<NotSupportedException>(() => stream.WriteAsync(new byte[1], 0, 1));
            Assert.ThrowsAsync<NotSupportedException>(async () => await stream.WriteAsync(new byte[1].AsMemory()));
            Assert.ThrowsAsync<NotSupportedException>(() => Task.Factory.FromAsync(stream.BeginWrite, stream.EndWrite, new byte[1], 0, 1, null));
            Exception? foreign = Assert.Catch(() => stream.EndWrite(new ForeignAsyncResult()));
            Assert.That(foreign, Is.TypeOf<NotSupportedException>().Or.TypeOf<ArgumentException>());
            foreach (long length in new long[] { 3, 4, 5 })
            {
                Assert.Throws<NotSupportedException>(() => stream.SetLength(length));
            }

            Assert.That(stream.Position, Is.Zero);
            Assert.That(stream.Length, Is.EqualTo(4));
            Assert.That(stream.ReadByte(), Is.EqualTo(1));
        }
    }
}

/// <summary>A file mapped with <see cref="MapAccess.Write"/>: writes reach the file, SetLength resizes it.</summary>
[TestFixture]
public sealed class WriteFileMapStreamTests : ResizableMapStreamContract
{
    protected override MemoryMap MapHolding(byte[] content) => Map(CreateFile(content), access: MapAccess.Write);

    [Test]
    public void Flush_BringsTheWritesToTheFile()
    {
        string path = CreateFile(new byte[100]);
        using Stream stream = Map(path, access: MapAccess.Write).AsStream();
        stream.Write("flushed"u8);
        stream.Flush();
        Assert.That(File.ReadAllBytes(path)[..7], Is.EqualTo("flushed"u8.ToArray()));
    }

    [Test]
    public void SetLength_ResizesTheFile()
    {
        string path = CreateFile(100);
        using Stream stream = Map(path, access: MapAccess.Write).AsStream();
        stream.SetLength(5000);
        Assert.That(FileSize(path), Is.EqualTo(5000));
        stream.SetLength(10);
        Assert.That(FileSize(path), Is.EqualTo(10));
    }

    [Test]
    public async Task SetLength_Shrinking_DoesNotKeepTheBytesCut([Values] ReadWriteBy by)
    {
        // The file is truncated: growing it again brings zeros back, not the bytes cut off.
        using Stream stream = StreamOver([0, 1, 2, 3]);
        byte[] actual = new byte[4];
        stream.SetLength(4);
        Assert.That(await StreamCalls.ReadFully(by, stream, actual, 0, 4), Is.EqualTo(4));
        Assert.That(actual, Is.EqualTo(new byte[] { 0, 1, 2, 3 }));
        stream.SetLength(3);
        Assert.That(stream.Position, Is.EqualTo(3));
        stream.Position = 0;
        Array.Clear(actual);
        Assert.That(await StreamCalls.ReadFully(by, stream, actual, 0, 4), Is.EqualTo(3));
        Assert.That(actual[..3], Is.EqualTo(new byte[] { 0, 1, 2 }));
        stream.SetLength(4);
        stream.Position = 0;
        Assert.That(await StreamCalls.ReadFully(by, stream, actual, 0, 4), Is.EqualTo(4));
        Assert.That(actual, Is.EqualTo(new byte[] { 0, 1, 2, 0 }));
    }
}

/// <summary>A file mapped with <see cref="MapAccess.Copy"/>: writable, never written back, not resizable.</summary>
[TestFixture]
public sealed class CopyFileMapStreamTests : WritableMapStreamContract
{
    protected override bool Resizable => false;

    protected override MemoryMap MapHolding(byte[] content) => Map(CreateFile(content), access: MapAccess.Copy);

    [Test]
    public void SetLength_IsNotSupported_AndChangesNothing()
    {
        using Stream stream = StreamOver(new byte[4]);
        stream.Position = 2;
        foreach (long length in new long[] { 3, 4, 5 })
        {
            Assert.Throws<NotSupportedException>(() => stream.SetLength(length));
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(stream.Position, Is.EqualTo(2));
            Assert.That(stream.Length, Is.EqualTo(4));
        }
    }

    [Test]
    public void Writes_NeverReachTheFile()
    {
        string path = CreateFile(Pattern(100));
        using Stream stream = Map(path, access: MapAccess.Copy).AsStream();
        stream.Write(new byte[100]);
        stream.Flush();
        Assert.That(File.ReadAllBytes(path), Is.EqualTo(Pattern(100)));
    }
}

/// <summary>Private anonymous memory (default access): writable and resizable.</summary>
[TestFixture]
public sealed class PrivateAnonymousMapStreamTests : ResizableMapStreamContract
{
    protected override MemoryMap MapHolding(byte[] content)
    {
        MemoryMap map = MapAnonymous(content.Length, MapFlags.Private);
        map.WriteAt(0, content);
        return map;
    }

    [Test]
    public void SetLength_ShrinkingAndGrowingInsideAPage_KeepsTheBytes()
    {
        // Unlike a file, anonymous memory is not truncated: a page keeps its bytes whatever the length says.
        using Stream stream = StreamOver([0, 1, 2, 3]);
        stream.SetLength(3);
        stream.SetLength(4);
        stream.Position = 0;
        byte[] actual = new byte[4];
        Assert.That(stream.Read(actual), Is.EqualTo(4));
        Assert.That(actual, Is.EqualTo(new byte[] { 0, 1, 2, 3 }));
    }
}

/// <summary>
/// Shared anonymous memory: writable and resizable, but only shrunk here (a shared anonymous map grown and
/// touched past its first length dies by SIGBUS, in CPython too).
/// </summary>
[TestFixture]
public sealed class SharedAnonymousMapStreamTests : WritableMapStreamContract
{
    protected override bool Resizable => true;

    protected override MemoryMap MapHolding(byte[] content)
    {
        MemoryMap map = MapAnonymous(content.Length);
        map.WriteAt(0, content);
        return map;
    }
}
