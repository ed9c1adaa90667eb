using System;
using System.Threading;

namespace MmapNet;

/// <summary>
/// A pinned range of a <see cref="MemoryMap"/>, exposed as a span with no copy. While it exists the
/// memory stays mapped and the map counts one export, so it cannot be closed or resized.
/// </summary>
public sealed unsafe class MemoryMapPin : IDisposable
{
    private readonly MemoryMap _map;
    private readonly byte* _start;
    private readonly int _length;
    private readonly bool _writable;
    private int _disposed;

    internal MemoryMapPin(MemoryMap map, long offset, int? length)
    {
        _map = map;
        MemoryMap.Lease lease = map.AcquireLease();
        try
        {
            // Under the lease the pin keeps: a resize cannot come between the check and the pin.
            (long start, int count) = map.CheckRange(offset, length);
            map.AddExport().ThrowIfFailed();
            _start = map.Address + start;
            _length = count;
        }
        catch
        {
            lease.Dispose();
            throw;
        }

        // The lease taken above is kept for the life of the pin and returned in Dispose.
        _writable = map.Access != MapAccess.Read;
    }

    /// <summary>The number of pinned bytes.</summary>
    public int Length => _length;

    /// <summary>The pinned bytes, writable.</summary>
    /// <exception cref="NotSupportedException">The map is read-only: writing would fault.</exception>
    /// <exception cref="ObjectDisposedException">The pin is disposed.</exception>
    public Span<byte> Span
    {
        get
        {
            ThrowIfDisposed();
            if (!_writable)
            {
                ((MmapStatus)MmapError.ReadOnly).ThrowIfFailed();
            }

            return new Span<byte>(_start, _length);
        }
    }

    /// <summary>The pinned bytes, read-only.</summary>
    public ReadOnlySpan<byte> ReadOnlySpan
    {
        get
        {
            ThrowIfDisposed();
            return new ReadOnlySpan<byte>(_start, _length);
        }
    }

    /// <summary>The address of the first pinned byte, for native code.</summary>
    public nint Address
    {
        get
        {
            ThrowIfDisposed();
            return (nint)_start;
        }
    }

    /// <summary>Unpins: the export ends and the mapping may be closed or resized again.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _map.RemoveExport();
            _map.ReleaseLongLease();
        }
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
}
