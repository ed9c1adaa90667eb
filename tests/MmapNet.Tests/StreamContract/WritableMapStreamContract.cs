using System;
using System.Buffers;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using MmapNet.Tests.Support;

// The contract suite calls each of Stream's overloads on purpose, and looks at partial reads itself:
// CA1835 (prefer the Memory overloads), CA2022 (inexact reads) and CA2012 (a ValueTask kept for a check) do not apply.
#pragma warning disable CA1835, CA2022, CA2012
namespace MmapNet.Tests.StreamContract;

/// <summary>
/// Stream's contract for writing, on a map that can be written. The stream has a fixed capacity, the map's
/// length: where a growable stream would grow (a write past the end), it throws NotSupportedException and
/// writes nothing, as UnmanagedMemoryStream does at its capacity.
/// </summary>
public abstract class WritableMapStreamContract : MapStreamContract
{
    protected override bool Writable => true;

    [Test]
    public async Task Write_OfNothing_ChangesNothing([Values] ReadWriteBy by)
    {
        using Stream stream = StreamOver(new byte[4]);
        await StreamCalls.Write(by, stream, [], 0, 0);
        await StreamCalls.Write(by, stream, new byte[1], 0, 0);
        await StreamCalls.Write(by, stream, new byte[1], 1, 0);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(stream.Position, Is.Zero);
            Assert.That(stream.Length, Is.EqualTo(4));
        }
    }

    [Test]
    public async Task Write_TakesTheBytesFromTheOffsetGiven([Values(ReadWriteBy.Array, ReadWriteBy.AsyncArray, ReadWriteBy.FromAsync)] ReadWriteBy by)
    {
        using Stream stream = StreamOver(new byte[9]);
        await StreamCalls.Write(by, stream, "abhellocd"u8.ToArray(), 2, 5);
        Assert.That(stream.Position, Is.EqualTo(5));
        stream.Position = 0;
        using StreamReader reader = new(stream, leaveOpen: true);
        Assert.That(reader.ReadToEnd(), Is.EqualTo("hello\0\0\0\0"));
    }

    [Test]
    public async Task Write_ThenRead_RoundTrips([Values] ReadWriteBy by)
    {
        const int Copies = 3;
        byte[] expected = RandomBytes(1024);
        using Stream stream = StreamOver(new byte[Copies * expected.Length]);
        for (int i = 0; i < Copies; i++)
        {
            await StreamCalls.Write(by, stream, expected, 0, expected.Length);
        }

        Assert.That(stream.Position, Is.EqualTo(stream.Length));
        stream.Position = 0;
        byte[] actual = new byte[expected.Length];
        for (int i = 0; i < Copies; i++)
        {
            Assert.That(await StreamCalls.ReadFully(by, stream, actual, 0, actual.Length), Is.EqualTo(actual.Length));
            Assert.That(actual, Is.EqualTo(expected), $"copy {i}");
            Array.Clear(actual);
        }
    }

    [Test]
    public async Task Write_FromAnotherManagersMemory([Values] bool asynchronously)
    {
        byte[] expected = RandomBytes(256);
        using IMemoryOwner<byte> source = MapAnonymous(256).CreateMemory();
        expected.CopyTo(source.Memory);
        using Stream stream = StreamOver(new byte[256]);
        if (asynchronously)
        {
            await stream.WriteAsync(source.Memory);
        }
        else
        {
            stream.Write(source.Memory.Span);
        }

        stream.Position = 0;
        byte[] actual = new byte[256];
        Assert.That(await StreamCalls.ReadFully(ReadWriteBy.AsyncMemory, stream, actual, 0, actual.Length), Is.EqualTo(256));
        Assert.That(actual, Is.EqualTo(expected));
    }

    [Test]
    public void Seek_ThenWriteAndRead_RoundTrip([Values] SeekBy by)
    {
        byte[] content = RandomBytes(512);
        using Stream stream = StreamOver(content);
        Random random = new(42);
        foreach (long position in new long[] { 511, 0, 256, 1 })
        {
            Assert.That(StreamCalls.SeekTo(by, stream, position), Is.EqualTo(position));
            Assert.That(stream.ReadByte(), Is.EqualTo(content[position]));
            StreamCalls.SeekTo(by, stream, position);
            byte value = (byte)random.Next(256);
            stream.WriteByte(value);
            Assert.That(stream.Position, Is.EqualTo(position + 1));
            StreamCalls.SeekTo(by, stream, position);
            Assert.That(stream.ReadByte(), Is.EqualTo(value));
            Assert.That(stream.Position, Is.EqualTo(position + 1));
        }
    }

    [Test]
    public async Task Write_PastTheEnd_IsNotSupported_AndWritesNothing([Values] ReadWriteBy by)
    {
        byte[] content = RandomBytes(16);
        byte[] data = RandomBytes(5, seed: 2);
        MemoryMap map = MapHolding(content);
        using Stream stream = map.AsStream();
        foreach (long position in new long[] { 14, 16, 21 })
        {
            stream.Position = position;
            Exception? failure = await Failure(() => StreamCalls.Write(by, stream, data, 0, 5));
            Assert.That(failure, Is.TypeOf<NotSupportedException>(), $"at {position}");
            if (by == ReadWriteBy.Byte)
            {
                // WriteByte after WriteByte: those before the end were written, each a call of its own.
                Assert.That(stream.Position, Is.EqualTo(Math.Max(position, 16)));
            }
            else
            {
                Assert.That(stream.Position, Is.EqualTo(position), "a refused write leaves the position");
                Assert.That(map.GetSlice(0, 16), Is.EqualTo(content), "and writes nothing");
            }
        }

        Assert.That(stream.Length, Is.EqualTo(16), "the map does not grow");
    }

    [Test]
    public void WriteByte_AtTheEnd_IsNotSupported_AndStaysAtTheEnd()
    {
        using Stream stream = StreamOver(new byte[4]);
        stream.Seek(0, SeekOrigin.End);
        NotSupportedException failure = Assert.Throws<NotSupportedException>(() => stream.WriteByte(42))!;
        Assert.That(MmapErrors.TryGetError(failure, out MmapError error) ? error : MmapError.None, Is.EqualTo(MmapError.DataOutOfRange), "the failure of Python's write() past the end");
        Assert.That(stream.Position, Is.EqualTo(4));
    }

    [Test]
    public async Task Flush_AroundWrites_IsRepeatable([Values(ReadWriteBy.Array, ReadWriteBy.AsyncArray)] ReadWriteBy by)
    {
        using Stream stream = StreamOver(new byte[4]);
        await StreamCalls.Flush(by, stream);
        await StreamCalls.Flush(by, stream);
        stream.WriteByte(42);
        await StreamCalls.Flush(by, stream);
        await StreamCalls.Flush(by, stream);
        stream.Position = 0;
        await StreamCalls.Flush(by, stream);
        await StreamCalls.Flush(by, stream);
        Assert.That(stream.ReadByte(), Is.EqualTo(42));
        await StreamCalls.Flush(by, stream);
    }

    [Test]
    public void Misuse_OfWriteArguments_ThrowsArgumentExceptionsNamingThem()
    {
        using Stream stream = StreamOver(new byte[4]);
        byte[] one = new byte[1];
        using (Assert.EnterMultipleScope())
        {
            foreach ((int offset, int count) in new[] { (0, 0), (1, 2) })
            {
                ExpectArgument<ArgumentNullException>("buffer", () => stream.Write(null!, offset, count));
                ExpectArgument<ArgumentNullException>("buffer", () => stream.WriteAsync(null!, offset, count));
                ExpectArgument<ArgumentNullException>("buffer", () => stream.WriteAsync(null!, offset, count, default));
                ExpectArgument<ArgumentNullException>("buffer", () => stream.BeginWrite(null!, offset, count, null, null));
            }

            ExpectArgument<ArgumentNullException>("asyncResult", () => stream.EndWrite(null!));
            ExpectArgument<ArgumentOutOfRangeException>("offset", () => stream.Write(one, -1, 0));
            ExpectArgument<ArgumentOutOfRangeException>("offset", () => stream.WriteAsync(one, -1, 0));
            ExpectArgument<ArgumentOutOfRangeException>("offset", () => stream.BeginWrite(one, -1, 0, null, null));
            foreach (int count in new[] { -1, 2 })
            {
                ExpectArgument<ArgumentOutOfRangeException>("count", () => stream.Write(one, 0, count));
                ExpectArgument<ArgumentOutOfRangeException>("count", () => stream.WriteAsync(one, 0, count));
                ExpectArgument<ArgumentOutOfRangeException>("count", () => stream.BeginWrite(one, 0, count, null, null));
            }

            foreach ((int offset, int count) in new[] { (1, 1), (2, 0), (int.MaxValue, int.MaxValue) })
            {
                Assert.Catch<ArgumentException>(() => stream.Write(one, offset, count));
                Assert.Catch<ArgumentException>(() => stream.WriteAsync(one, offset, count));
                Assert.Catch<ArgumentException>(() => stream.BeginWrite(one, offset, count, null, null));
            }

            Assert.Throws<ArgumentException>(() => stream.EndWrite(new ForeignAsyncResult()));
            Assert.That(stream.Position, Is.Zero, "nothing was written");
        }
    }

    [Test]
    public async Task Cancelled_WriteAsync_IsCancelledWithTheToken_AndWritesNothing()
    {
        using Stream stream = StreamOver(new byte[4]);
        using CancellationTokenSource source = new();
        await source.CancelAsync();
        await ExpectCancelled(() => stream.WriteAsync(new byte[] { 7 }, 0, 1, source.Token), source.Token);
        await ExpectCancelled(() => stream.WriteAsync(new byte[] { 7 }.AsMemory(), source.Token).AsTask(), source.Token);
        Assert.That(stream.Position, Is.Zero);
        Assert.That(stream.ReadByte(), Is.Zero);
    }

    [Test]
    public void Write_IsSeenByTheMap_AndTheMapsWritesByTheStream()
    {
        MemoryMap map = MapHolding(new byte[16]);
        using Stream stream = map.AsStream();
        stream.Write("stream"u8);
        map.WriteAt(10, "map"u8);
        stream.Position = 10;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(map.GetSlice(0, 6), Is.EqualTo("stream"u8.ToArray()));
            Assert.That(stream.ReadByte(), Is.EqualTo('m'));
        }
    }
}

/// <summary>
/// Stream's contract for SetLength, on a map that can be resized (it resizes the map, and a file map's file):
/// the facts StandaloneStreamConformanceTests checks of a stream whose length can be set, except that a write
/// past the end still does not grow it.
/// </summary>
public abstract class ResizableMapStreamContract : WritableMapStreamContract
{
    protected override bool Resizable => true;

    [Test]
    public void SetLength_ChangesTheLength_AndPullsAPositionPastItBack()
    {
        using Stream stream = StreamOver(new byte[4]);
        stream.SetLength(8192);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(stream.Length, Is.EqualTo(8192));
            Assert.That(stream.Position, Is.Zero, "growing leaves the position");
        }

        stream.Write([1, 2, 3, 4, 5, 6]);
        Assert.That(stream.Position, Is.EqualTo(6));
        stream.SetLength(3);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(stream.Length, Is.EqualTo(3));
            Assert.That(stream.Position, Is.EqualTo(3));
            Assert.That(stream.ReadByte(), Is.EqualTo(-1));
            Assert.That(stream.Position, Is.EqualTo(3));
            Assert.Throws<NotSupportedException>(() => stream.WriteByte(42), "only SetLength grows the map");
            Assert.That(stream.Length, Is.EqualTo(3));
        }
    }

    [Test]
    public void SetLength_ThenFlushWriteAndRead_OperateOnTheNewLength()
    {
        using Stream stream = StreamOver(new byte[16]);
        stream.SetLength(200);
        stream.Flush();
        stream.Seek(28, SeekOrigin.Begin);
        byte[] ones = new byte[119];
        Array.Fill(ones, byte.MaxValue);
        stream.Write(ones, 0, ones.Length);
        stream.Flush();
        stream.Seek(84, SeekOrigin.Begin);
        Assert.That(stream.Read(new byte[1024], 0, 317), Is.EqualTo(116));
        stream.SetLength(135);
        stream.Flush();
        stream.Seek(97, SeekOrigin.Begin);
        Assert.That(stream.ReadByte(), Is.EqualTo(byte.MaxValue));
    }

    [Test]
    public void SetLength_ToMaxValue_FailsAsAnIOException_OrSucceeds()
    {
        // Stream's contract allows IOException (no space), ArgumentOutOfRangeException (too large), or success.
        using Stream stream = StreamOver(new byte[16]);
        Exception? failure = Failure(() =>
        {
            stream.SetLength(long.MaxValue);
            return Task.CompletedTask;
        }).GetAwaiter().GetResult();
        if (failure is null)
        {
            Assert.That(stream.Length, Is.EqualTo(long.MaxValue));
            return;
        }

        Assert.That(failure, Is.InstanceOf<IOException>().Or.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(stream.Length, Is.EqualTo(16), "a failed resize leaves the length");
    }

    [Test]
    public void SetLength_WhileTheMapIsExported_IsAMemoryMapException()
    {
        MemoryMap map = MapHolding(new byte[16]);
        using Stream stream = map.AsStream();
        using (map.Pin())
        {
            Expect.Error(MmapError.ResizeWithExports, () => stream.SetLength(32));
        }

        stream.SetLength(32);
        Assert.That(stream.Length, Is.EqualTo(32));
    }
}
