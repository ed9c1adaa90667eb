using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using MmapNet.Tests.Support;

// The contract suite calls each of Stream's overloads on purpose, and looks at partial reads itself:
// CA1835 (prefer the Memory overloads), CA2022 (inexact reads) and CA2012 (a ValueTask kept for a check) do not apply.
#pragma warning disable CA1835, CA2022, CA2012
namespace MmapNet.Tests.StreamContract;

/// <summary>
/// Stream's contract for <see cref="MemoryMap.AsStream"/>: the facts that dotnet/runtime's
/// StandaloneStreamConformanceTests checks of every standalone, seekable <see cref="Stream"/> (read, seek,
/// length, position, flush, dispose, the asynchronous and Begin/End calls, cancellation, argument checks),
/// for a stream of fixed capacity over a map, as its tests of UnmanagedMemoryStream and MemoryMappedViewStream
/// have it (no empty stream: a map has at least one byte; writes do not grow it). Each fixture gives one kind
/// of map; <see cref="WritableMapStreamContract"/> and <see cref="ResizableMapStreamContract"/> add the facts
/// of writing and of resizing. The facts about the map behind the stream come last.
/// </summary>
public abstract class MapStreamContract : MapFixture
{
    /// <summary>Whether the map can be written (all but <see cref="MapAccess.Read"/>).</summary>
    protected abstract bool Writable { get; }

    /// <summary>Whether SetLength resizes the map (a file map or anonymous memory of default access, tracking its descriptor).</summary>
    protected abstract bool Resizable { get; }

    /// <summary>A new map of the fixture's kind, holding exactly <paramref name="content"/> (at least one byte).</summary>
    protected abstract MemoryMap MapHolding(byte[] content);

    public static IEnumerable<int> ShortAndPageCrossingSizes() => [1, 256, 4097];

    protected static byte[] RandomBytes(int count, int seed = 1)
    {
        byte[] bytes = new byte[count];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>A stream over a new map holding <paramref name="content"/>; both are disposed after the test, the stream first.</summary>
    protected Stream StreamOver(byte[] content)
    {
        MemoryMap map = MapHolding(content);
        return Own(map.AsStream());
    }

    [Test]
    public void NewStream_HasTheMapsCapabilities_AtPositionZero()
    {
        using Stream stream = StreamOver(new byte[4]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(stream.CanRead, Is.True);
            Assert.That(stream.CanSeek, Is.True);
            Assert.That(stream.CanWrite, Is.EqualTo(Writable));
            Assert.That(stream.CanTimeout, Is.False);
            Assert.That(stream.Position, Is.Zero);
            Assert.That(stream.Length, Is.EqualTo(4));
        }
    }

    [Test]
    public async Task Read_OfNothing_ReturnsZeroAndStaysPut([Values] ReadWriteBy by)
    {
        using Stream stream = StreamOver(new byte[10]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(await StreamCalls.ReadOnce(by, stream, [], 0, 0), Is.Zero);
            Assert.That(await StreamCalls.ReadOnce(by, stream, new byte[1], 0, 0), Is.Zero);
            Assert.That(await StreamCalls.ReadOnce(by, stream, new byte[1], 1, 0), Is.Zero);
            Assert.That(stream.Position, Is.Zero);
        }
    }

    [Test]
    public async Task Read_InPieces_ReturnsTheContent([Values] ReadWriteBy by, [ValueSource(nameof(ShortAndPageCrossingSizes))] int size)
    {
        byte[] expected = RandomBytes(size);
        using Stream stream = StreamOver(expected);
        byte[] actual = new byte[size];
        int total = 0;
        while (total < size)
        {
            int read = await StreamCalls.ReadOnce(by, stream, actual, total, size - total);
            Assert.That(read, Is.InRange(1, size - total));
            total += read;
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(actual, Is.EqualTo(expected));
            Assert.That(stream.Position, Is.EqualTo(size));
            Assert.That(stream.Seek(0, SeekOrigin.Current), Is.EqualTo(size));
        }
    }

    [Test]
    public async Task Read_ToTheEnd_ThenReturnsZero([Values] ReadWriteBy by, [ValueSource(nameof(ShortAndPageCrossingSizes))] int size)
    {
        byte[] expected = RandomBytes(size);
        using Stream stream = StreamOver(expected);
        using MemoryStream copy = new();
        byte[] buffer = new byte[8];
        int read;
        while ((read = await StreamCalls.ReadOnce(by, stream, buffer, 0, buffer.Length)) != 0)
        {
            Assert.That(read, Is.InRange(1, buffer.Length));
            copy.Write(buffer, 0, read);
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(copy.ToArray(), Is.EqualTo(expected));
            Assert.That(stream.Position, Is.EqualTo(size));
            Assert.That(await StreamCalls.ReadOnce(by, stream, buffer, 0, buffer.Length), Is.Zero, "again at the end");
        }
    }

    [Test]
    public async Task Read_FillsOnlyWhatItReturns_AtTheOffsetGiven([Values] ReadWriteBy by)
    {
        byte[] expected = RandomBytes(20);
        using Stream stream = StreamOver(expected);
        byte[] buffer = new byte[30];
        const int Offset = 3;
        int read = await StreamCalls.ReadOnce(by, stream, buffer, Offset, buffer.Length - Offset);
        Assert.That(read, Is.InRange(1, 20));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(buffer[..Offset], Is.All.Zero, "before the offset");
            Assert.That(buffer[Offset..(Offset + read)], Is.EqualTo(expected[..read]));
            Assert.That(buffer[(Offset + read)..], Is.All.Zero, "after what was read");
        }
    }

    [Test]
    public async Task Read_AsMuchAsThereIs_InOneCall([Values(ReadWriteBy.Span, ReadWriteBy.Array, ReadWriteBy.AsyncArray, ReadWriteBy.AsyncMemory, ReadWriteBy.BeginEnd)] ReadWriteBy by)
    {
        // A memory stream has every byte at hand: one read fills the buffer or reaches the end.
        byte[] expected = RandomBytes(5000);
        using Stream stream = StreamOver(expected);
        byte[] buffer = new byte[6000];
        Assert.That(await StreamCalls.ReadOnce(by, stream, buffer, 0, 4000), Is.EqualTo(4000));
        Assert.That(await StreamCalls.ReadOnce(by, stream, buffer, 4000, 2000), Is.EqualTo(1000));
        Assert.That(buffer[..5000], Is.EqualTo(expected));
    }

    [Test]
    public async Task Read_IntoAnotherManagersMemory([Values] bool asynchronously)
    {
        // Memory that no array backs: another map's, through its MemoryManager.
        byte[] expected = RandomBytes(20);
        using Stream stream = StreamOver(expected);
        using IMemoryOwner<byte> destination = MapAnonymous(1024).CreateMemory();
        int read = asynchronously ? await stream.ReadAsync(destination.Memory) : stream.Read(destination.Memory.Span);
        Assert.That(read, Is.EqualTo(20));
        Assert.That(destination.Memory.Span[..20].ToArray(), Is.EqualTo(expected));
    }

    [Test]
    public async Task CopyTo_CopiesFromThePosition_ToTheEnd([Values] bool asynchronously, [Values(0, 1, 8192, 16384)] int position)
    {
        byte[] expected = RandomBytes(16384);
        using Stream stream = StreamOver(expected);
        stream.Position = position;
        using MemoryStream destination = new();
        if (asynchronously)
        {
            await stream.CopyToAsync(destination);
        }
        else
        {
            stream.CopyTo(destination);
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(destination.ToArray(), Is.EqualTo(expected[position..]));
            Assert.That(stream.Position, Is.EqualTo(expected.Length));
            Assert.That(stream.Length, Is.EqualTo(expected.Length));
        }
    }

    [Test]
    public void Seek_FromEachOrigin_ReturnsTheNewPosition()
    {
        using Stream stream = StreamOver(new byte[10]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(stream.Seek(0, SeekOrigin.Begin), Is.Zero);
            Assert.That(stream.Seek(0, SeekOrigin.End), Is.EqualTo(10));
            Assert.That(stream.Seek(4, SeekOrigin.Begin), Is.EqualTo(4));
            Assert.That(stream.Seek(-3, SeekOrigin.Current), Is.EqualTo(1));
            Assert.That(stream.Seek(-10, SeekOrigin.End), Is.Zero);
            Assert.That(stream.Position, Is.Zero);
        }
    }

    [Test]
    public void Seek_ThenRead_ReadsThere([Values] SeekBy by)
    {
        byte[] expected = RandomBytes(512);
        using Stream stream = StreamOver(expected);
        foreach (long position in new long[] { 511, 0, 256, 1 })
        {
            Assert.That(StreamCalls.SeekTo(by, stream, position), Is.EqualTo(position));
            Assert.That(stream.ReadByte(), Is.EqualTo(expected[position]), $"at {position}");
        }
    }

    [Test]
    public void Seek_PastTheEnd_IsAllowed_AndReadsReturnNothing([Values] SeekBy by)
    {
        using Stream stream = StreamOver(RandomBytes(512));
        Assert.That(StreamCalls.SeekTo(by, stream, 522), Is.EqualTo(522));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(stream.Read(new byte[1], 0, 1), Is.Zero);
            Assert.That(stream.ReadByte(), Is.EqualTo(-1));
            Assert.That(stream.Length, Is.EqualTo(512), "seeking does not change the length");
            Assert.That(stream.Position, Is.EqualTo(522));
        }
    }

    [Test]
    public void Seek_RandomWalk_ReadsTheRightBytes()
    {
        byte[] content = RandomBytes(0x4000);
        using Stream stream = StreamOver(content);
        Random random = new(42);
        for (int trial = 0; trial < 1000; trial++)
        {
            int count = random.Next(1, 21);
            SeekOrigin origin = (SeekOrigin)random.Next(3);
            long offset = origin switch
            {
                SeekOrigin.Begin => random.Next(0, content.Length - count),
                SeekOrigin.Current => random.Next(-(int)stream.Position, content.Length - (int)stream.Position - count),
                _ => -random.Next(count, content.Length),
            };
            long position = stream.Seek(offset, origin);
            Assert.That(position, Is.InRange(0, content.Length - count));
            for (int i = 0; i < count; i++)
            {
                Assert.That(stream.ReadByte(), Is.EqualTo(content[position + i]), $"trial {trial}");
            }
        }
    }

    [Test]
    public async Task Flush_BetweenReads_ChangesNothing([Values] ReadWriteBy by)
    {
        using Stream stream = StreamOver([0, 1, 2, 3, 4, 5]);
        byte[] buffer = new byte[1];
        for (int i = 0; i <= 5; i++)
        {
            await StreamCalls.Flush(by, stream);
            Assert.That(await StreamCalls.ReadOnce(by, stream, buffer, 0, 1), Is.EqualTo(1));
            Assert.That(buffer[0], Is.EqualTo(i));
        }
    }

    [Test]
    public void FlushAsync_AndDisposeAsync_CompleteSynchronously()
    {
        Stream stream = StreamOver(new byte[4]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(stream.FlushAsync().IsCompletedSuccessfully, Is.True);
            Assert.That(stream.FlushAsync(CancellationToken.None).IsCompletedSuccessfully, Is.True);
            using CancellationTokenSource source = new();
            Assert.That(stream.FlushAsync(source.Token).IsCompletedSuccessfully, Is.True);
            Assert.That(stream.DisposeAsync().IsCompletedSuccessfully, Is.True);
        }
    }

    [Test]
    public void Misuse_OfReadArguments_ThrowsArgumentExceptionsNamingThem()
    {
        using Stream stream = StreamOver(new byte[4]);
        byte[] one = new byte[1];
        using (Assert.EnterMultipleScope())
        {
            foreach ((int offset, int count) in new[] { (0, 0), (1, 2) })
            {
                // (0, 0) is no licence for a null buffer.
                ExpectArgument<ArgumentNullException>("buffer", () => stream.Read(null!, offset, count));
                ExpectArgument<ArgumentNullException>("buffer", () => stream.ReadAsync(null!, offset, count));
                ExpectArgument<ArgumentNullException>("buffer", () => stream.ReadAsync(null!, offset, count, default));
                ExpectArgument<ArgumentNullException>("buffer", () => stream.BeginRead(null!, offset, count, null, null));
            }

            ExpectArgument<ArgumentNullException>("asyncResult", () => stream.EndRead(null!));
            ExpectArgument<ArgumentOutOfRangeException>("offset", () => stream.Read(one, -1, 0));
            ExpectArgument<ArgumentOutOfRangeException>("offset", () => stream.ReadAsync(one, -1, 0));
            ExpectArgument<ArgumentOutOfRangeException>("offset", () => stream.BeginRead(one, -1, 0, null, null));
            foreach (int count in new[] { -1, 2 })
            {
                ExpectArgument<ArgumentOutOfRangeException>("count", () => stream.Read(one, 0, count));
                ExpectArgument<ArgumentOutOfRangeException>("count", () => stream.ReadAsync(one, 0, count));
                ExpectArgument<ArgumentOutOfRangeException>("count", () => stream.BeginRead(one, 0, count, null, null));
            }

            foreach ((int offset, int count) in new[] { (1, 1), (2, 0), (int.MaxValue, int.MaxValue) })
            {
                ExpectArgument<ArgumentOutOfRangeException>("count", () => stream.Read(one, offset, count));
                ExpectArgument<ArgumentOutOfRangeException>("count", () => stream.ReadAsync(one, offset, count));
                ExpectArgument<ArgumentOutOfRangeException>("count", () => stream.BeginRead(one, offset, count, null, null));
            }

            Assert.Throws<ArgumentException>(() => stream.EndRead(new ForeignAsyncResult()));
            Assert.That(stream.Position, Is.Zero, "nothing was read");
        }
    }

    [Test]
    public void Misuse_OfCopyToArguments_ThrowsAsStreamDoes()
    {
        using Stream stream = StreamOver(new byte[4]);
        using (Assert.EnterMultipleScope())
        {
            ExpectArgument<ArgumentNullException>("destination", () => stream.CopyTo(null!));
            ExpectArgument<ArgumentNullException>("destination", () => stream.CopyTo(null!, 1));
            ExpectArgument<ArgumentNullException>("destination", () => stream.CopyToAsync(null!));
            ExpectArgument<ArgumentNullException>("destination", () => stream.CopyToAsync(null!, 1, default));
            foreach (int bufferSize in new[] { 0, -1 })
            {
                ExpectArgument<ArgumentOutOfRangeException>("bufferSize", () => stream.CopyTo(new MemoryStream(), bufferSize));
                ExpectArgument<ArgumentOutOfRangeException>("bufferSize", () => stream.CopyToAsync(new MemoryStream(), bufferSize));
            }

            Assert.Throws<NotSupportedException>(() => stream.CopyTo(new MemoryStream(new byte[1], writable: false)));
            MemoryStream disposed = new();
            disposed.Dispose();
            Assert.Throws<ObjectDisposedException>(() => stream.CopyTo(disposed));
            Assert.ThrowsAsync<ObjectDisposedException>(() => stream.CopyToAsync(disposed));
        }
    }

    [Test]
    public void Misuse_OfSeekAndLength_ThrowsAsStreamDoes()
    {
        using Stream stream = StreamOver(new byte[4]);
        stream.Position = 2;
        using (Assert.EnterMultipleScope())
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => stream.Position = -1);
            Assert.Throws<IOException>(() => stream.Seek(-1, SeekOrigin.Begin));
            Assert.Throws<IOException>(() => stream.Seek(-3, SeekOrigin.Current));
            Assert.Throws<IOException>(() => stream.Seek(-5, SeekOrigin.End));
            Assert.Catch<ArgumentException>(() => stream.Seek(0, (SeekOrigin)(-1)));
            Assert.Catch<ArgumentException>(() => stream.Seek(0, (SeekOrigin)3));
            Assert.Catch<ArgumentException>(() => stream.Seek(0, ~SeekOrigin.Begin));
            if (Resizable)
            {
                Assert.Throws<ArgumentOutOfRangeException>(() => stream.SetLength(-1));
            }
            else
            {
                Assert.Throws<NotSupportedException>(() => stream.SetLength(0));
            }

            Assert.That(stream.Position, Is.EqualTo(2), "a refused seek leaves the position");
            Assert.That(stream.Length, Is.EqualTo(4), "a refused SetLength leaves the length");
        }
    }

    [Test]
    public void Timeouts_AreNotSupported_AsInvalidOperation()
    {
        using Stream stream = StreamOver(new byte[4]);
        using (Assert.EnterMultipleScope())
        {
            Assert.Throws<InvalidOperationException>(() => _ = stream.ReadTimeout);
            Assert.Throws<InvalidOperationException>(() => stream.ReadTimeout = 1);
            Assert.Throws<InvalidOperationException>(() => _ = stream.WriteTimeout);
            Assert.Throws<InvalidOperationException>(() => stream.WriteTimeout = 1);
        }
    }

    [Test]
    public async Task Dispose_IsIdempotent_AndEveryLaterCallFails()
    {
        Stream stream = StreamOver(new byte[4]);
        stream.Dispose();
        await stream.DisposeAsync();
        stream.Close();

        Dictionary<string, Func<Task>> calls = new()
        {
            ["ReadByte"] = Sync(() => stream.ReadByte()),
            ["Read(span)"] = Sync(() => stream.Read(new byte[1].AsSpan())),
            ["Read(array)"] = Sync(() => stream.Read(new byte[1], 0, 1)),
            ["ReadAsync(array)"] = () => stream.ReadAsync(new byte[1], 0, 1),
            ["ReadAsync(memory)"] = () => stream.ReadAsync(new byte[1].AsMemory()).AsTask(),
            ["BeginRead"] = Sync(() => stream.EndRead(stream.BeginRead(new byte[1], 0, 1, null, null))),
            ["WriteByte"] = Sync(() => stream.WriteByte(1)),
            ["Write(span)"] = Sync(() => stream.Write(new byte[1].AsSpan())),
            ["Write(array)"] = Sync(() => stream.Write(new byte[1], 0, 1)),
            ["WriteAsync(array)"] = () => stream.WriteAsync(new byte[1], 0, 1),
            ["WriteAsync(memory)"] = () => stream.WriteAsync(new byte[1].AsMemory()).AsTask(),
            ["BeginWrite"] = Sync(() => stream.EndWrite(stream.BeginWrite(new byte[1], 0, 1, null, null))),
            ["CopyTo"] = Sync(() => stream.CopyTo(new MemoryStream())),
            ["CopyToAsync"] = () => stream.CopyToAsync(new MemoryStream()),
            ["Length"] = Sync(() => _ = stream.Length),
            ["Position"] = Sync(() => _ = stream.Position),
            ["Position ="] = Sync(() => stream.Position = 0),
            ["Seek"] = Sync(() => stream.Seek(0, SeekOrigin.Begin)),
            ["SetLength"] = Sync(() => stream.SetLength(1)),
            ["Flush"] = Sync(stream.Flush),
            ["FlushAsync"] = () => stream.FlushAsync(),
            ["ReadTimeout"] = Sync(() => _ = stream.ReadTimeout),
            ["WriteTimeout"] = Sync(() => _ = stream.WriteTimeout),
        };

        // Stream's contract allows ObjectDisposedException, NotSupportedException or InvalidOperationException (the
        // Begin/End and CopyTo calls of Stream itself see CanRead false); what this stream implements is disposed.
        string[] ownMembers = ["ReadByte", "Read(span)", "Read(array)", "ReadAsync(array)", "ReadAsync(memory)", "WriteByte", "Write(span)", "Write(array)",
                               "WriteAsync(array)", "WriteAsync(memory)", "Length", "Position", "Position =", "Seek", "SetLength", "Flush", "FlushAsync"];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(stream.CanRead || stream.CanWrite || stream.CanSeek, Is.False);
            foreach ((string name, Func<Task> call) in calls)
            {
                Exception? failure = await Failure(call);
                Assert.That(failure, Is.InstanceOf<ObjectDisposedException>().Or.InstanceOf<NotSupportedException>().Or.InstanceOf<InvalidOperationException>(), name);
                if (Array.IndexOf(ownMembers, name) >= 0)
                {
                    Assert.That(failure, Is.InstanceOf<ObjectDisposedException>(), name);
                }
            }
        }
    }

    [Test]
    public async Task Cancelled_ReadAsync_IsCancelledWithTheToken()
    {
        using Stream stream = StreamOver(new byte[4]);
        using CancellationTokenSource source = new();
        await source.CancelAsync();
        await ExpectCancelled(() => stream.ReadAsync(new byte[1], 0, 1, source.Token), source.Token);
        await ExpectCancelled(() => stream.ReadAsync(new byte[1].AsMemory(), source.Token).AsTask(), source.Token);
        Exception? flush = await Failure(() => stream.FlushAsync(source.Token));
        if (flush is not null)
        {
            Assert.That(flush, Is.InstanceOf<OperationCanceledException>());
            Assert.That(((OperationCanceledException)flush).CancellationToken, Is.EqualTo(source.Token));
        }

        Assert.That(stream.Position, Is.Zero, "a cancelled read reads nothing");
    }

    // Facts of the map behind the stream.

    [Test]
    public void Stream_HasItsOwnPosition_AndLeavesTheMapsAlone()
    {
        MemoryMap map = MapHolding(RandomBytes(100));
        map.Seek(7);
        using Stream stream = map.AsStream();
        stream.Seek(40, SeekOrigin.Begin);
        Assert.That(stream.ReadByte(), Is.EqualTo(map[40]));
        Assert.That(map.Position, Is.EqualTo(7));
        map.Seek(90);
        Assert.That(stream.Position, Is.EqualTo(41));
    }

    [Test]
    public void Dispose_LeavesTheMapOpen()
    {
        MemoryMap map = MapHolding(new byte[4]);
        map.AsStream().Dispose();
        Assert.That(map.IsClosed, Is.False);
        Assert.That(map.Length, Is.EqualTo(4));
    }

    [Test]
    public async Task Stream_OverAClosedMap_FailsAsClosed()
    {
        MemoryMap map = MapHolding(new byte[4]);
        using Stream stream = map.AsStream();
        map.Close();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(stream.CanRead || stream.CanWrite || stream.CanSeek, Is.False);
            Expect.Closed(() => stream.ReadByte());
            Expect.Closed(() => stream.Write([1]));
            Expect.Closed(() => _ = stream.Length);
            Expect.Closed(() => _ = stream.Position);
            Expect.Closed(() => stream.Seek(0, SeekOrigin.Begin));
            Expect.Closed(() => stream.SetLength(1));
            Expect.Closed(stream.Flush);
            Assert.That(await Failure(() => stream.ReadAsync(new byte[1], 0, 1)), Is.InstanceOf<ObjectDisposedException>());
        }
    }

    [Test]
    public void Length_FollowsAResizeOfTheMap()
    {
        if (!Resizable)
        {
            Assert.Throws<NotSupportedException>(() => MapHolding(new byte[4]).Resize(8));
            return;
        }

        MemoryMap map = MapHolding(new byte[4]);
        using Stream stream = map.AsStream();
        map.Resize(2);
        Assert.That(stream.Length, Is.EqualTo(2));
    }

    protected static void ExpectArgument<T>(string parameter, Action call)
        where T : ArgumentException
    {
        T exception = Assert.Throws<T>(call)!;
        Assert.That(exception.ParamName, Is.EqualTo(parameter), typeof(T).Name);
    }

    protected static async Task<Exception?> Failure(Func<Task> call)
    {
        try
        {
            await call();
            return null;
        }
#pragma warning disable CA1031 // The test looks at whatever the call threw.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return exception;
        }
    }

    protected static async Task ExpectCancelled(Func<Task> call, CancellationToken token)
    {
        Task task = call();
        Exception? failure = await Failure(() => task);
        Assert.That(task.IsCanceled, Is.True, "the task is cancelled, not faulted");
        Assert.That(failure, Is.InstanceOf<OperationCanceledException>());
        Assert.That(((OperationCanceledException)failure!).CancellationToken, Is.EqualTo(token));
    }

    private static Func<Task> Sync(Action call) => () =>
    {
        call();
        return Task.CompletedTask;
    };
}
