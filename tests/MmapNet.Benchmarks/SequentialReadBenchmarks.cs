using System;
using System.IO;
using BenchmarkDotNet.Attributes;

namespace MmapNet.Benchmarks;

/// <summary>
/// Read the whole 64 MiB file, in order, into a 64 KiB buffer (one chunk at a time), through each
/// side's copy API, its stream, and a span over the mapped memory.
/// </summary>
public class SequentialReadBenchmarks : MapBenchmarks
{
    private const int ChunkSize = 64 << 10;
    private readonly byte[] _buffer = new byte[ChunkSize];
    private SpanUser<int>? _copyAll;

    [BenchmarkCategory("Read 64 MiB: copy API"), Benchmark(Baseline = true)]
    public int MemoryMappedFile_AccessorReadArray()
    {
        int last = 0;
        for (long offset = 0; offset < BenchmarkFile.Length; offset += ChunkSize)
        {
            View.Accessor.ReadArray(offset, _buffer, 0, ChunkSize);
            last ^= _buffer[ChunkSize - 1];
        }

        return last;
    }

    [BenchmarkCategory("Read 64 MiB: copy API"), Benchmark]
    public int MemoryMap_ReadAt()
    {
        int last = 0;
        for (long offset = 0; offset < BenchmarkFile.Length; offset += ChunkSize)
        {
            Map.ReadAt(offset, _buffer);
            last ^= _buffer[ChunkSize - 1];
        }

        return last;
    }

    [BenchmarkCategory("Read 64 MiB: copy API"), Benchmark]
    public int MemoryMap_ReadAtPosition()
    {
        int last = 0;
        Map.Seek(0);
        while (Map.Read(_buffer.AsSpan()) == ChunkSize)
        {
            last ^= _buffer[ChunkSize - 1];
        }

        return last;
    }

    [BenchmarkCategory("Read 64 MiB: stream"), Benchmark(Baseline = true)]
    public int MemoryMappedFile_ViewStream() => ReadAll(View.Stream);

    [BenchmarkCategory("Read 64 MiB: stream"), Benchmark]
    public int MemoryMap_AsStream()
    {
        using Stream stream = Map.AsStream();
        return ReadAll(stream);
    }

    [BenchmarkCategory("Read 64 MiB: span"), Benchmark(Baseline = true)]
    public int MemoryMappedFile_ViewHandleSpan() => View.WithHeldSpan(_copyAll!);

    [BenchmarkCategory("Read 64 MiB: span"), Benchmark]
    public int MemoryMap_PinSpan()
    {
        using MemoryMapPin pin = Map.Pin();
        return CopyAll(pin.ReadOnlySpan);
    }

    private int ReadAll(Stream stream)
    {
        int last = 0;
        stream.Position = 0;
        while (stream.Read(_buffer, 0, ChunkSize) == ChunkSize)
        {
            last ^= _buffer[ChunkSize - 1];
        }

        return last;
    }

    private int CopyAll(Span<byte> mapped) => CopyAll((ReadOnlySpan<byte>)mapped);

    private int CopyAll(ReadOnlySpan<byte> mapped)
    {
        int last = 0;
        for (int offset = 0; offset < mapped.Length; offset += ChunkSize)
        {
            mapped.Slice(offset, ChunkSize).CopyTo(_buffer);
            last ^= _buffer[ChunkSize - 1];
        }

        return last;
    }

    protected override void Prepare() => _copyAll = CopyAll;
}
