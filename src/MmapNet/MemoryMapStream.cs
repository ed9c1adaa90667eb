using System;
using System.IO;

namespace MmapNet;

/// <summary>
/// A <see cref="Stream"/> view of a <see cref="MemoryMap"/> with its own position. It never owns the
/// map: disposing it leaves the map open.
/// </summary>
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
            ThrowIfDisposed();
            return _position;
        }

        set
        {
            ThrowIfDisposed();
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            _position = value;
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        ThrowIfDisposed();
        int read = _map.ReadAt(_position, buffer);
        _position += read;
        return read;
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ThrowIfDisposed();
        _map.WriteAt(_position, buffer);
        _position += buffer.Length;
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        ThrowIfDisposed();
        long target = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            SeekOrigin.End => _map.Length + offset,
            _ => throw new ArgumentOutOfRangeException(nameof(origin)),
        };
        ArgumentOutOfRangeException.ThrowIfNegative(target, nameof(offset));
        return _position = target;
    }

    public override void SetLength(long value)
    {
        ThrowIfDisposed();
        _map.Resize(value);
    }

    public override void Flush()
    {
        ThrowIfDisposed();
        _map.Flush();
    }

    protected override void Dispose(bool disposing)
    {
        _disposed = true;
        base.Dispose(disposing);
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);
}
