using System;
using System.IO;
using System.IO.MemoryMappedFiles;
using Microsoft.Win32.SafeHandles;

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

    /// <summary>
    /// Runs <paramref name="use"/> on the view's bytes with the view's handle held for the call
    /// (AcquirePointer/ReleasePointer), as a <see cref="MemoryMapPin"/> holds its map: the same
    /// safety against a concurrent dispose, at the same place.
    /// </summary>
    public unsafe T WithHeldSpan<T>(SpanUser<T> use)
    {
        byte* pointer = null;
        SafeMemoryMappedViewHandle handle = Accessor.SafeMemoryMappedViewHandle;
        handle.AcquirePointer(ref pointer);
        try
        {
            return use(new Span<byte>(pointer + Accessor.PointerOffset, BenchmarkFile.Length));
        }
        finally
        {
            handle.ReleasePointer();
        }
    }

    public void Dispose()
    {
        Accessor.SafeMemoryMappedViewHandle.ReleasePointer();
        Stream.Dispose();
        Accessor.Dispose();
        File.Dispose();
    }
}

/// <summary>Work done on a span (spans cannot be captured by Func).</summary>
internal delegate T SpanUser<T>(Span<byte> span);
