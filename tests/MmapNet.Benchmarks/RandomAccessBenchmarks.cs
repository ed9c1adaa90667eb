using System;
using BenchmarkDotNet.Attributes;

namespace MmapNet.Benchmarks;

/// <summary>
/// Single-byte reads and writes at random offsets (fixed seed) in the first MiB of the map, which stays
/// in cache: what is measured is the per-access cost of each API, not memory latency. The span
/// benchmarks hold their map for each run of 4096 accesses (a pin, or the view handle held).
/// </summary>
public class RandomAccessBenchmarks : MapBenchmarks
{
    private const int Accesses = 4096;
    private const int Region = 1 << 20;
    private readonly int[] _offsets = new int[Accesses];
    private SpanUser<int>? _sumAt;
    private SpanUser<int>? _storeAt;

    [BenchmarkCategory("Random byte read: API"), Benchmark(Baseline = true, OperationsPerInvoke = Accesses)]
    public int MemoryMappedFile_AccessorReadByte()
    {
        int sum = 0;
        foreach (int offset in _offsets)
        {
            sum += View.Accessor.ReadByte(offset);
        }

        return sum;
    }

    [BenchmarkCategory("Random byte read: API"), Benchmark(OperationsPerInvoke = Accesses)]
    public int MemoryMap_Indexer()
    {
        int sum = 0;
        foreach (int offset in _offsets)
        {
            sum += Map[offset];
        }

        return sum;
    }

    [BenchmarkCategory("Random byte read: span"), Benchmark(Baseline = true, OperationsPerInvoke = Accesses)]
    public int MemoryMappedFile_ViewHandleSpan() => View.WithHeldSpan(_sumAt!);

    [BenchmarkCategory("Random byte read: span"), Benchmark(OperationsPerInvoke = Accesses)]
    public int MemoryMap_PinSpan()
    {
        using MemoryMapPin pin = Map.Pin(0, Region);
        return SumAt(pin.ReadOnlySpan);
    }

    [BenchmarkCategory("Random byte write: API"), Benchmark(Baseline = true, OperationsPerInvoke = Accesses)]
    public void MemoryMappedFile_AccessorWrite()
    {
        foreach (int offset in _offsets)
        {
            View.Accessor.Write(offset, (byte)offset);
        }
    }

    [BenchmarkCategory("Random byte write: API"), Benchmark(OperationsPerInvoke = Accesses)]
    public void MemoryMap_Indexer_Set()
    {
        foreach (int offset in _offsets)
        {
            Map[offset] = (byte)offset;
        }
    }

    [BenchmarkCategory("Random byte write: span"), Benchmark(Baseline = true, OperationsPerInvoke = Accesses)]
    public int MemoryMappedFile_ViewHandleSpan_Set() => View.WithHeldSpan(_storeAt!);

    [BenchmarkCategory("Random byte write: span"), Benchmark(OperationsPerInvoke = Accesses)]
    public int MemoryMap_PinSpan_Set()
    {
        using MemoryMapPin pin = Map.Pin(0, Region);
        return StoreAt(pin.Span);
    }

    protected override void Prepare()
    {
        // Delegates made once: a method group converted at each call would allocate.
        _sumAt = SumAt;
        _storeAt = StoreAt;
        Random random = new(BenchmarkFile.Seed);
        for (int i = 0; i < Accesses; i++)
        {
            _offsets[i] = random.Next(Region);
        }
    }

    private int SumAt(Span<byte> mapped) => SumAt((ReadOnlySpan<byte>)mapped);

    private int SumAt(ReadOnlySpan<byte> mapped)
    {
        int sum = 0;
        foreach (int offset in _offsets)
        {
            sum += mapped[offset];
        }

        return sum;
    }

    private int StoreAt(Span<byte> mapped)
    {
        foreach (int offset in _offsets)
        {
            mapped[offset] = (byte)offset;
        }

        return _offsets.Length;
    }
}
