using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

// The contract suite calls each of Stream's overloads on purpose, and looks at partial reads itself:
// CA1835 (prefer the Memory overloads), CA2022 (inexact reads) and CA2012 (a ValueTask kept for a check) do not apply.
#pragma warning disable CA1835, CA2022, CA2012
namespace MmapNet.Tests.StreamContract;

/// <summary>Each way a caller can read or write a <see cref="Stream"/>; a contract fact holds for all of them.</summary>
public enum ReadWriteBy
{
    /// <summary>ReadByte / WriteByte, one byte at a time.</summary>
    Byte,

    /// <summary>Read(Span) / Write(ReadOnlySpan).</summary>
    Span,

    /// <summary>Read(byte[], int, int) / Write(byte[], int, int).</summary>
    Array,

    /// <summary>ReadAsync(byte[], int, int) / WriteAsync(byte[], int, int).</summary>
    AsyncArray,

    /// <summary>ReadAsync(Memory) / WriteAsync(ReadOnlyMemory).</summary>
    AsyncMemory,

    /// <summary>EndRead(BeginRead(...)) / EndWrite(BeginWrite(...)), waited for at once.</summary>
    BeginEnd,

    /// <summary>BeginRead/EndRead and BeginWrite/EndWrite through Task.Factory.FromAsync.</summary>
    FromAsync,
}

/// <summary>Each way a caller can move a stream's position.</summary>
public enum SeekBy
{
    /// <summary>Position = p.</summary>
    Position,

    /// <summary>Seek(p, Begin).</summary>
    Begin,

    /// <summary>Seek(p - Position, Current).</summary>
    Current,

    /// <summary>Seek(p - Length, End).</summary>
    End,
}

/// <summary>The calls of <see cref="ReadWriteBy"/> and <see cref="SeekBy"/>.</summary>
internal static class StreamCalls
{
    /// <summary>One read of at most <paramref name="count"/> bytes into <paramref name="buffer"/> at <paramref name="offset"/>; the bytes read.</summary>
    public static async Task<int> ReadOnce(ReadWriteBy by, Stream stream, byte[] buffer, int offset, int count, CancellationToken token = default)
    {
        switch (by)
        {
            case ReadWriteBy.Byte:
                if (count == 0)
                {
                    return 0;
                }

                int value = stream.ReadByte();
                if (value < 0)
                {
                    return 0;
                }

                buffer[offset] = (byte)value;
                return 1;
            case ReadWriteBy.Span:
                return stream.Read(buffer.AsSpan(offset, count));
            case ReadWriteBy.Array:
                return stream.Read(buffer, offset, count);
            case ReadWriteBy.AsyncArray:
                return await stream.ReadAsync(buffer, offset, count, token);
            case ReadWriteBy.AsyncMemory:
                return await stream.ReadAsync(buffer.AsMemory(offset, count), token);
            case ReadWriteBy.BeginEnd:
                return stream.EndRead(stream.BeginRead(buffer, offset, count, null, null));
            default:
                return await Task.Factory.FromAsync(stream.BeginRead, stream.EndRead, buffer, offset, count, null);
        }
    }

    /// <summary>Reads until <paramref name="count"/> bytes are in or the stream ends; the bytes read.</summary>
    public static async Task<int> ReadFully(ReadWriteBy by, Stream stream, byte[] buffer, int offset, int count)
    {
        int total = 0;
        while (total < count)
        {
            int read = await ReadOnce(by, stream, buffer, offset + total, count - total);
            if (read == 0)
            {
                break;
            }

            Assert.That(read, Is.InRange(1, count - total), "a read returns at most what was asked");
            total += read;
        }

        return total;
    }

    /// <summary>Writes <paramref name="count"/> bytes of <paramref name="buffer"/> from <paramref name="offset"/>.</summary>
    public static async Task Write(ReadWriteBy by, Stream stream, byte[] buffer, int offset, int count, CancellationToken token = default)
    {
        switch (by)
        {
            case ReadWriteBy.Byte:
                for (int i = offset; i < offset + count; i++)
                {
                    stream.WriteByte(buffer[i]);
                }

                break;
            case ReadWriteBy.Span:
                stream.Write(buffer.AsSpan(offset, count));
                break;
            case ReadWriteBy.Array:
                stream.Write(buffer, offset, count);
                break;
            case ReadWriteBy.AsyncArray:
                await stream.WriteAsync(buffer, offset, count, token);
                break;
            case ReadWriteBy.AsyncMemory:
                await stream.WriteAsync(buffer.AsMemory(offset, count), token);
                break;
            case ReadWriteBy.BeginEnd:
                stream.EndWrite(stream.BeginWrite(buffer, offset, count, null, null));
                break;
            default:
                await Task.Factory.FromAsync(stream.BeginWrite, stream.EndWrite, buffer, offset, count, null);
                break;
        }
    }

    /// <summary>Flush or FlushAsync, as the synchronous or asynchronous family of <paramref name="by"/>.</summary>
    public static Task Flush(ReadWriteBy by, Stream stream)
    {
        if (by is ReadWriteBy.AsyncArray or ReadWriteBy.AsyncMemory or ReadWriteBy.FromAsync)
        {
            return stream.FlushAsync();
        }

        stream.Flush();
        return Task.CompletedTask;
    }

    /// <summary>Moves to <paramref name="position"/>; checks that the call and Position agree on where that is.</summary>
    public static long SeekTo(SeekBy by, Stream stream, long position)
    {
        long landed = by switch
        {
            SeekBy.Position => SetPosition(stream, position),
            SeekBy.Begin => stream.Seek(position, SeekOrigin.Begin),
            SeekBy.Current => stream.Seek(position - stream.Position, SeekOrigin.Current),
            _ => stream.Seek(position - stream.Length, SeekOrigin.End),
        };
        Assert.That(stream.Position, Is.EqualTo(landed), "Seek returns the new Position");
        return landed;
    }

    private static long SetPosition(Stream stream, long position)
    {
        stream.Position = position;
        return stream.Position;
    }
}

/// <summary>An IAsyncResult that no stream handed out.</summary>
internal sealed class ForeignAsyncResult : IAsyncResult
{
    public object? AsyncState => null;

    public WaitHandle AsyncWaitHandle => throw new NotSupportedException();

    public bool CompletedSynchronously => true;

    public bool IsCompleted => true;
}
