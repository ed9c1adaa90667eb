using System;

namespace MmapNet;

/// <summary>
/// A read-only <see cref="ReadOnlyMemory{T}"/> over a range of a <see cref="MemoryMap"/>, with no copy.
/// The mapping stays alive until this is disposed; each pin of <see cref="Memory"/> counts as an export
/// of the map until unpinned. (A <see cref="System.Buffers.IMemoryOwner{T}"/> would hand out writable
/// memory, and a write to a read-only mapping faults.)
/// </summary>
public sealed class MemoryMapReadOnlyMemory : IDisposable
{
    private readonly MemoryMapMemoryManager _manager;

    internal MemoryMapReadOnlyMemory(MemoryMapMemoryManager manager) => _manager = manager;

    /// <summary>The mapped bytes.</summary>
    public ReadOnlyMemory<byte> Memory => _manager.Memory;

    /// <summary>Lets the mapping go: once the map is closed and nothing else holds it, it is unmapped.</summary>
    public void Dispose() => ((IDisposable)_manager).Dispose();
}
