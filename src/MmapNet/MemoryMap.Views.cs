using System;
using System.Buffers;
using System.IO;

namespace MmapNet;

// Views of the mapped bytes for .NET code. Each one keeps the mapping alive (a lease) for as long as
// it exists, and counts as an export, blocking close and resize as a Python buffer does, while
// pinned or pinning.
public sealed partial class MemoryMap
{
    /// <summary>
    /// Pins <c>[offset, offset + length)</c> (to the end when length is null) and exposes it as a span
    /// with no copy. Until the pin is disposed it counts as an export: <see cref="Close"/> and
    /// <see cref="Resize"/> fail with BufferError, as they do in CPython while a memoryview is alive.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The range is not inside the map.</exception>
    /// <exception cref="ObjectDisposedException">The map is closed.</exception>
    public MemoryMapPin Pin(long offset = 0, int? length = null) => new(this, offset, length);

    /// <summary>
    /// A <see cref="Memory{T}"/> over <c>[offset, offset + length)</c>, for APIs that take memory rather
    /// than spans. It keeps the mapping alive until the owner is disposed, and counts as an export
    /// while pinned (<see cref="Memory{T}.Pin"/>).
    /// </summary>
    /// <exception cref="NotSupportedException">
    /// The map is read-only, where a write through the memory would fault: use <see cref="CreateReadOnlyMemory"/> there.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">The range is not inside the map.</exception>
    /// <exception cref="ObjectDisposedException">The map is closed.</exception>
    public IMemoryOwner<byte> CreateMemory(long offset = 0, int? length = null)
    {
        CheckWritable().ThrowIfFailed();
        return new MemoryMapMemoryManager(this, offset, length);
    }

    /// <summary>
    /// A <see cref="ReadOnlyMemory{T}"/> over <c>[offset, offset + length)</c> of any map, with the
    /// lifetime rules of <see cref="CreateMemory"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The range is not inside the map.</exception>
    /// <exception cref="ObjectDisposedException">The map is closed.</exception>
    public MemoryMapReadOnlyMemory CreateReadOnlyMemory(long offset = 0, int? length = null) =>
        new(new MemoryMapMemoryManager(this, offset, length));

    /// <summary>
    /// A seekable <see cref="Stream"/> over the map, with a position of its own (the map's position is
    /// not moved). Disposing the stream leaves the map open; <see cref="Stream.SetLength"/> resizes it.
    /// It follows <see cref="Stream"/>'s contract: a write that does not fit before the end, like any write
    /// on a read-only map, throws <see cref="NotSupportedException"/> (the stream never grows the map by
    /// itself), and a seek before the start <see cref="IOException"/>.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The map is closed.</exception>
    public Stream AsStream()
    {
        ThrowIfClosed();
        return new MemoryMapStream(this);
    }

    /// <summary>
    /// Checks <c>[offset, offset + length)</c> against the mapping and returns its start and length.
    /// The caller must hold the lease that the view keeps, so that no resize can come between this
    /// check and the view's use of the range.
    /// </summary>
    internal (long Start, int Count) CheckRange(long offset, int? length)
    {
        long size = MappedLength;
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(offset, size);
        long count = length ?? size - offset;
        ArgumentOutOfRangeException.ThrowIfNegative(count, nameof(length));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Math.Min(size - offset, int.MaxValue), nameof(length));
        return (offset, (int)count);
    }
}
