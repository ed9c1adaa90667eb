using System.IO;
using System.IO.MemoryMappedFiles;
using BenchmarkDotNet.Attributes;
using Microsoft.Win32.SafeHandles;

namespace MmapNet.Benchmarks;

/// <summary>
/// Map the benchmark file read-write and unmap it: from a path (open, fstat, mmap, munmap, close) and
/// from an open handle. MemoryMappedFiles needs a view to reach the memory, so its side creates one.
/// </summary>
public class OpenCloseBenchmarks : MapBenchmarks
{
    private SafeFileHandle? _handle;

    [BenchmarkCategory("Open+close from a path"), Benchmark(Baseline = true)]
    public long MemoryMappedFile_FromPath()
    {
        using MemoryMappedFile file = MemoryMappedFile.CreateFromFile(File.Path, FileMode.Open, null, 0, MemoryMappedFileAccess.ReadWrite);
        using MemoryMappedViewAccessor accessor = file.CreateViewAccessor(0, 0, MemoryMappedFileAccess.ReadWrite);
        return accessor.Capacity;
    }

    [BenchmarkCategory("Open+close from a path"), Benchmark]
    public long MemoryMap_FromPath()
    {
        using MemoryMap map = MemoryMap.OpenFile(File.Path, MapAccess.Write);
        return map.Length;
    }

    [BenchmarkCategory("Open+close from a handle"), Benchmark(Baseline = true)]
    public long MemoryMappedFile_FromHandle()
    {
        using MemoryMappedFile file = MemoryMappedFile.CreateFromFile(_handle!, null, 0, MemoryMappedFileAccess.ReadWrite, HandleInheritability.None, leaveOpen: true);
        using MemoryMappedViewAccessor accessor = file.CreateViewAccessor(0, 0, MemoryMappedFileAccess.ReadWrite);
        return accessor.Capacity;
    }

    [BenchmarkCategory("Open+close from a handle"), Benchmark]
    public long MemoryMap_FromHandle()
    {
        using MemoryMap map = MemoryMap.Create(_handle!, access: MapAccess.Write);
        return map.Length;
    }

    protected override void Prepare() =>
        _handle = System.IO.File.OpenHandle(File.Path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);

    protected override void Release() => _handle?.Dispose();
}
