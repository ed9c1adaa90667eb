namespace MmapNet;

/// <summary>
/// Another runtime that shares a <see cref="MemoryMap"/> with .NET and touches its memory under a lock of
/// its own instead of per-operation leases: the CPython face, whose objects read and write under the GIL
/// while holding one long lease each. Such a runtime is quiescent while that lock is held, so its leases
/// are not users of the memory at that moment.
/// </summary>
/// <remarks>
/// Once a map is shared (<see cref="MemoryMap.ShareWith"/>), <see cref="MemoryMap.Close"/> and
/// <see cref="MemoryMap.Resize"/> called by .NET code go through the runtime, which takes its lock and then
/// performs the transition as its own code would: closing releases its leases so the memory is unmapped at
/// once, and resizing counts its leases as the caller's own. The lock is always taken before the map's
/// transition lock, the order the runtime's own close and resize use, so the two cannot deadlock.
/// </remarks>
internal interface IMapSharingRuntime
{
    /// <summary>Closes <paramref name="map"/> for every side, with the runtime quiescent.</summary>
    MmapStatus Close(MemoryMap map);

    /// <summary>Resizes <paramref name="map"/> with the runtime quiescent, its own leases not counting as users.</summary>
    MmapStatus Resize(MemoryMap map, long newLength);
}
