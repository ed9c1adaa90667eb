using System;
using BenchmarkDotNet.Attributes;
using Microsoft.Win32.SafeHandles;

namespace MmapNet.Benchmarks;

/// <summary>
/// Searches: MemoryMap.Find/ReverseFind (CPython's find/rfind rules) against MemoryExtensions'
/// IndexOf/LastIndexOf on a span over the MemoryMappedFiles view: a needle near the end of the 64 MiB
/// file (forward), one near its start (backward), and a short search in the first 4 KiB.
/// </summary>
public class FindBenchmarks : MapBenchmarks
{
    private const int ShortRange = 4096;
    private const int ShortNeedleOffset = 200;
    private byte[] _shortNeedle = [];

    [BenchmarkCategory("Find, needle near the end of 64 MiB"), Benchmark(Baseline = true)]
    public long MemoryMappedFile_SpanIndexOf() => View.Span.IndexOf(BenchmarkFile.ForwardNeedle);

    [BenchmarkCategory("Find, needle near the end of 64 MiB"), Benchmark]
    public long MemoryMap_Find() => Map.Find(BenchmarkFile.ForwardNeedle, 0);

    [BenchmarkCategory("Reverse find, needle near the start of 64 MiB"), Benchmark(Baseline = true)]
    public long MemoryMappedFile_SpanLastIndexOf() => View.Span.LastIndexOf(BenchmarkFile.ReverseNeedle);

    [BenchmarkCategory("Reverse find, needle near the start of 64 MiB"), Benchmark]
    public long MemoryMap_ReverseFind() => Map.ReverseFind(BenchmarkFile.ReverseNeedle, 0);

    [BenchmarkCategory("Find, 8 bytes about 200 bytes in"), Benchmark(Baseline = true)]
    public long MemoryMappedFile_SpanIndexOf_Short() => View.Span[..ShortRange].IndexOf(_shortNeedle);

    /// <summary>
    /// The same search with the view's handle held for the call, as MemoryMap.Find holds its mapping:
    /// a span over a pointer acquired once is unsafe against a concurrent dispose (it may read
    /// unmapped memory), which MemoryMap rules out.
    /// </summary>
    [BenchmarkCategory("Find, 8 bytes about 200 bytes in"), Benchmark]
    public unsafe long MemoryMappedFile_SpanIndexOf_Short_HandleHeld()
    {
        byte* pointer = null;
        SafeMemoryMappedViewHandle handle = View.Accessor.SafeMemoryMappedViewHandle;
        handle.AcquirePointer(ref pointer);
        try
        {
            return new ReadOnlySpan<byte>(pointer + View.Accessor.PointerOffset, ShortRange).IndexOf(_shortNeedle);
        }
        finally
        {
            handle.ReleasePointer();
        }
    }

    [BenchmarkCategory("Find, 8 bytes about 200 bytes in"), Benchmark]
    public long MemoryMap_Find_Short() => Map.Find(_shortNeedle, 0, ShortRange);

    protected override void Prepare()
    {
        _shortNeedle = View.Span.Slice(ShortNeedleOffset, 8).ToArray();
        long expected = View.Span.IndexOf(BenchmarkFile.ForwardNeedle);
        if (expected != BenchmarkFile.ForwardNeedleOffset || Map.Find(BenchmarkFile.ForwardNeedle, 0) != expected ||
            Map.ReverseFind(BenchmarkFile.ReverseNeedle, 0) != BenchmarkFile.ReverseNeedleOffset)
        {
            throw new InvalidOperationException("the two sides do not find the same needles: the benchmark would compare different work");
        }
    }
}
