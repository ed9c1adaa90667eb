using System;
using System.Buffers;
using System.Threading;

namespace MmapNet;

/// <summary>
/// A <see cref="MemoryManager{T}"/> over a range of a <see cref="MemoryMap"/>: its <see cref="Memory{T}"/>
/// reads and writes the mapped bytes with no copy. The mapping stays alive until this manager is
/// disposed; each pin (<see cref="Memory{T}.Pin"/>) counts as an export of the map until unpinned.
/// </summary>
internal sealed unsafe class MemoryMapMemoryManager : MemoryManager<byte>
{
    private readonly MemoryMap _map;
    private readonly byte* _start;
    private readonly int _length;
    private int _disposed;

    internal MemoryMapMemoryManager(MemoryMap map, long offset, int? length)
    {
        _map = map;
        if (!map.TryAcquireLongLease())
        {
            ((MmapStatus)MmapError.ClosedOrInvalid).ThrowIfFailed();
        }

        try
        {
            // Under the lease the manager keeps: a resize cannot come between the check and its use.
            (long start, int count) = map.CheckRange(offset, length);
            _start = map.Address + start;
            _length = count;
        }
        catch
        {
            map.ReleaseLongLease();
            throw;
        }
    }

    /// <inheritdoc/>
    public override Span<byte> GetSpan()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return new Span<byte>(_start, _length);
    }

    /// <inheritdoc/>
    public override MemoryHandle Pin(int elementIndex = 0)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        ArgumentOutOfRangeException.ThrowIfNegative(elementIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(elementIndex, _length);
        _map.AddExport().ThrowIfFailed();
        return new MemoryHandle(_start + elementIndex, default, this);
    }

    /// <inheritdoc/>
    public override void Unpin() => _map.RemoveExport();

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _map.ReleaseLongLease();
        }
    }
}
