using BenchmarkDotNet.Attributes;

namespace MmapNet.Benchmarks;

/// <summary>
/// What the comparison benchmarks share: the benchmark file, mapped once by each side (read-write, the
/// whole file), before the first iteration and closed after the last.
/// </summary>
public abstract class MapBenchmarks
{
    private BenchmarkFile? _file;
    private MemoryMap? _map;
    private MemoryMappedFileView? _view;

    internal BenchmarkFile File => _file!;

    /// <summary>The MmapNet side.</summary>
    internal MemoryMap Map => _map!;

    /// <summary>The System.IO.MemoryMappedFiles side.</summary>
    internal MemoryMappedFileView View => _view!;

    [GlobalSetup]
    public void MapTheFile()
    {
        _file = BenchmarkFile.Create();
        _map = MemoryMap.OpenFile(_file.Path, MapAccess.Write);
        _view = new MemoryMappedFileView(_file.Path);
        // Touch every page through both maps (the same page cache pages): the first benchmark does
        // not pay the page faults the others skip.
        long sum = 0;
        using (MemoryMapPin pin = _map.Pin())
        {
            for (int i = 0; i < pin.Length; i += 4096)
            {
                sum += pin.ReadOnlySpan[i];
            }
        }

        for (int i = 0; i < BenchmarkFile.Length; i += 4096)
        {
            sum += _view.Span[i];
        }

        System.GC.KeepAlive(sum);
        Prepare();
    }

    [GlobalCleanup]
    public void Unmap()
    {
        Release();
        _view?.Dispose();
        _map?.Dispose();
        _file?.Dispose();
    }

    /// <summary>Whatever else a benchmark class sets up once the file is mapped.</summary>
    protected virtual void Prepare()
    {
    }

    /// <summary>Releases what <see cref="Prepare"/> set up, before the maps are closed.</summary>
    protected virtual void Release()
    {
    }
}
