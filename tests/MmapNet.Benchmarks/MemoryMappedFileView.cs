using System;
using System.IO;
using System.IO.MemoryMappedFiles;

namespace MmapNet.Benchmarks;

/// <summary>
/// The System.IO.MemoryMappedFiles side: a read-write MemoryMappedFile over the whole benchmark file,
/// a view accessor, a view stream and a pointer acquired from the view's SafeMemoryMappedViewHandle
/// (released on dispose) for span access.
/// </summary>
internal sealed unsafe class MemoryMappedFileView : IDisposable
{
    private readonly byte* _pointer;

    public MemoryMappedFileView(string path)
    {
        File = MemoryMappedFile.CreateFromFile(path, FileMode.Open, mapName: null, capacity: 0, MemoryMappedFileAccess.ReadWrite);
        Accessor = File.CreateViewAccessor(0, 0, MemoryMappedFileAccess.ReadWrite);
        Stream = File.CreateViewStream(0, 0, MemoryMappedFileAccess.ReadWrite);
        byte* pointer = null;
        Accessor.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
        _pointer = pointer + Accessor.PointerOffset;
    }

    public MemoryMappedFile File { get; }

    public MemoryMappedViewAccessor Accessor { get; }

    public MemoryMappedViewStream Stream { get; }

    /// <summary>The file's bytes (not the view's page-rounded capacity).</summary>
    public Span<byte> Span => new(_pointer, BenchmarkFile.Length);

    public void Dispose()
    {
        Accessor.SafeMemoryMappedViewHandle.ReleasePointer();
        Stream.Dispose();
        Accessor.Dispose();
        File.Dispose();
    }
}
