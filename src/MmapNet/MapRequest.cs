namespace MmapNet;

/// <summary>
/// The arguments of CPython's <c>mmap.mmap(fileno, length, flags, prot, access, offset, trackfd)</c>,
/// as plain integers so that invalid combinations can be represented and refused exactly as CPython
/// refuses them. <see cref="MemoryMap.Resolve"/> checks and normalises it; <see cref="MemoryMap.Open(in MapRequest, out MemoryMap?)"/>
/// maps it. CPython audits <c>mmap.__new__</c> between the two, so they are separate steps.
/// </summary>
internal struct MapRequest
{
    public int FileDescriptor;
    public long Length;
    public int Flags;
    public int Protection;
    public int Access;
    public long Offset;
    public bool TrackFileDescriptor;

    public MapRequest(int fileDescriptor, long length, int flags, int protection, int access, long offset, bool trackFileDescriptor)
    {
        FileDescriptor = fileDescriptor;
        Length = length;
        Flags = flags;
        Protection = protection;
        Access = access;
        Offset = offset;
        TrackFileDescriptor = trackFileDescriptor;
    }
}
