using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace MmapNet;

/// <summary>
/// A <see cref="Stream"/> view of a <see cref="MemoryMap"/> with its own position. It never owns the
/// map: disposing it leaves the map open.
/// </summary>
/// <remarks>
/// Stream's contract, for a stream of fixed capacity (as <see cref="UnmanagedMemoryStream"/>): the position
/// may be set past the end, where reads return nothing; a write that does not fit before the end throws
/// <see cref="NotSupportedException"/> and writes nothing (only <see cref="SetLength"/> resizes the map);
/// a seek before the start throws <see cref="IOException"/>. A stream over a closed map throws
/// <see cref="ObjectDisposedException"/>, as a disposed one does. The map's work is done under a lease, so a
/// close or resize by another thread never comes in the middle of a read or write. Asynchronous reads and
/// writes complete synchronously: the bytes are in memory.
/// </remarks>
internal sealed class MemoryMapStream : Stream
{
    private readonly MemoryMap _map;
    private long _position;
    private bool _disposed;

    public MemoryMapStream(MemoryMap map) => _map = map;

    public override bool CanRead => !_disposed && !_map.IsClosed;

    public override bool CanSeek => CanRead;

    public override bool CanWrite => CanRead && _map.Access != MapAccess.Read;

    public override long Length
    {
        get
        {
            ThrowIfDisposed();
            return _map.Length;
        }
    }

    public override long Position
    {
        get
        {
            ThrowIfUnusable();
            return _position;
        }

        set
        {
            ThrowIfUnusable();
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            _position = value;
        }
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        ValidateBufferArguments(buffer, offset, count);
        return Read(buffer.AsSpan(offset, count));
    }

    public override int Read(Span<byte> buffer)
    {
        ThrowIfDisposed();
        using MemoryMap.Lease lease = _map.AcquireLease();
        int read = _map.CopyFromMap(_position, buffer);
        _position += read;
        return read;
    }

    public override int ReadByte()
    {
        Span<byte> one = stackalloc byte[1];
        return Read(one) == 1 ? one[0] : -1;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        ValidateBufferArguments(buffer, offset, count);
        return ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<int>(cancellationToken);
        }

        try
        {
            return new ValueTask<int>(Read(buffer.Span));
        }
#pragma warning disable CA1031 // A task reports whatever its synchronous work threw, as Stream's own async methods do.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return ValueTask.FromException<int>(exception);
        }
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        ValidateBufferArguments(buffer, offset, count);
        Write(buffer.AsSpan(offset, count));
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ThrowIfDisposed();
        using MemoryMap.Lease lease = _map.AcquireLease();
        _map.CheckWritable().ThrowIfFailed();
        if (buffer.IsEmpty)
        {
            return;
        }

        long size = _map.MappedLength;
        if (_position > size || size - _position < buffer.Length)
        {
            throw MmapErrors.Tag(
                new NotSupportedException($"{MmapErrors.MessageOf(MmapError.DataOutOfRange)}: the stream does not grow the map (SetLength does)."),
                MmapError.DataOutOfRange);
        }

        _map.CopyIntoMap(_position, buffer);
        _position += buffer.Length;
    }

    public override void WriteByte(byte value) => Write([value]);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        ValidateBufferArguments(buffer, offset, count);
        return WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled(cancellationToken);
        }

        try
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }
#pragma warning disable CA1031 // A task reports whatever its synchronous work threw, as Stream's own async methods do.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return ValueTask.FromException(exception);
        }
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        ThrowIfUnusable();
        long basis = origin switch
        {
            SeekOrigin.Begin => 0,
            SeekOrigin.Current => _position,
            SeekOrigin.End => _map.Length,
            _ => throw new ArgumentException($"{origin} is not a SeekOrigin.", nameof(origin)),
        };

        if (offset > 0 && basis > long.MaxValue - offset)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), offset, "The position would be past the largest a stream can have.");
        }

        long target = basis + offset;
        if (target < 0)
        {
            throw new IOException("An attempt was made to move the position before the beginning of the stream.");
        }

        return _position = target;
    }

    /// <summary>Resizes the map (and its file); a position past the new end moves to it.</summary>
    public override void SetLength(long value)
    {
        ThrowIfUnusable();
        if (!CanWrite)
        {
            ((MmapStatus)MmapError.NotResizable).ThrowIfFailed();
        }

        ArgumentOutOfRangeException.ThrowIfNegative(value);
        _map.Resize(value);
        if (_position > value)
        {
            _position = value;
        }
    }

    public override void Flush()
    {
        ThrowIfDisposed();
        _map.Flush();
    }

    public override Task FlushAsync(CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        try
        {
            Flush();
            return Task.CompletedTask;
        }
#pragma warning disable CA1031 // A task reports whatever its synchronous work threw, as Stream's own async methods do.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return Task.FromException(exception);
        }
    }

    protected override void Dispose(bool disposing)
    {
        _disposed = true;
        base.Dispose(disposing);
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);

    // Disposed, or over a closed map: both are ObjectDisposedException.
    private void ThrowIfUnusable()
    {
        ThrowIfDisposed();
        _map.CheckValid().ThrowIfFailed();
    }
}
