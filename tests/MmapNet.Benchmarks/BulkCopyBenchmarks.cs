using System;
using BenchmarkDotNet.Attributes;

namespace MmapNet.Benchmarks;

/// <summary>1 MiB copied out of the map, into it, and within it (Python's <c>move</c>).</summary>
public class BulkCopyBenchmarks : MapBenchmarks
{
    private const int Size = 1 << 20;
    private const long Source = 8 << 20;
    private const long Destination = 16 << 20;
    private readonly byte[] _buffer = new byte[Size];

    [BenchmarkCategory("Copy 1 MiB out"), Benchmark(Baseline = true)]
    public int MemoryMappedFile_AccessorReadArray() => View.Accessor.ReadArray(Source, _buffer, 0, Size);

    [BenchmarkCategory("Copy 1 MiB out"), Benchmark]
    public int MemoryMap_ReadAt() => Map.ReadAt(Source, _buffer);

    [BenchmarkCategory("Copy 1 MiB in"), Benchmark(Baseline = true)]
    public void MemoryMappedFile_AccessorWriteArray() => View.Accessor.WriteArray(Destination, _buffer, 0, Size);

    [BenchmarkCategory("Copy 1 MiB in"), Benchmark]
    public void MemoryMap_WriteAt() => Map.WriteAt(Destination, _buffer);

    [BenchmarkCategory("Move 1 MiB within"), Benchmark(Baseline = true)]
    public void MemoryMappedFile_ViewHandleSpanCopy()
    {
        Span<byte> mapped = View.Span;
        mapped.Slice((int)Source, Size).CopyTo(mapped.Slice((int)Destination, Size));
    }

    [BenchmarkCategory("Move 1 MiB within"), Benchmark]
    public void MemoryMap_Move() => Map.Move(Destination, Source, Size);
}
