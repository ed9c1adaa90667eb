using System;
using System.Text;
using System.Threading.Tasks;

namespace MmapNet.Host.Tests;

/// <summary>
/// .NET methods that the tests' Python scripts call through pythonnet's <c>clr</c>, with <c>mmapnet.mmap</c> objects as
/// <see cref="MemoryMap"/> arguments and results (the codecs convert them).
/// </summary>
public static class MapProbe
{
    private static MemoryMap? s_kept;

    public static MemoryMap CreateAnonymous(int length) => MemoryMap.CreateAnonymous(length);

    /// <summary>A map created and closed by .NET before Python sees it.</summary>
    public static MemoryMap CreateClosed()
    {
        MemoryMap map = MemoryMap.CreateAnonymous(16);
        map.Close();
        return map;
    }

    public static MemoryMap OpenFile(string path) => MemoryMap.OpenFile(path);

    public static MemoryMap Echo(MemoryMap map) => map;

    public static string ReadAscii(MemoryMap map, int offset, int count)
    {
        ArgumentNullException.ThrowIfNull(map);
        byte[] buffer = new byte[count];
        int read = map.ReadAt(offset, buffer);
        return Encoding.ASCII.GetString(buffer, 0, read);
    }

    public static void WriteAscii(MemoryMap map, int offset, string text)
    {
        ArgumentNullException.ThrowIfNull(map);
        map.WriteAt(offset, Encoding.ASCII.GetBytes(text));
    }

    /// <summary>Reads through a pinned span, zero-copy.</summary>
    public static int CountByte(MemoryMap map, byte value)
    {
        ArgumentNullException.ThrowIfNull(map);
        using MemoryMapPin pin = map.Pin();
        return pin.ReadOnlySpan.Count(value);
    }

    public static long Length(MemoryMap map) => map?.Length ?? throw new ArgumentNullException(nameof(map));

    public static bool IsClosed(MemoryMap map) => map?.IsClosed ?? throw new ArgumentNullException(nameof(map));

    public static int ExportCount(MemoryMap map) => map?.ExportCount ?? throw new ArgumentNullException(nameof(map));

    public static void Close(MemoryMap map) => map?.Close();

    public static void Resize(MemoryMap map, long length) => map?.Resize(length);

    public static MemoryMapPin Pin(MemoryMap map) => map?.Pin() ?? throw new ArgumentNullException(nameof(map));

    /// <summary>Closes the map from a .NET thread of its own, after a while.</summary>
    public static Task CloseAfter(MemoryMap map, int milliseconds) => Task.Run(async () =>
    {
        await Task.Delay(milliseconds).ConfigureAwait(false);
        map.Close();
    });

    /// <summary>Resizes the map from a .NET thread of its own, after a while.</summary>
    public static Task ResizeAfter(MemoryMap map, int milliseconds, long length) => Task.Run(async () =>
    {
        await Task.Delay(milliseconds).ConfigureAwait(false);
        map.Resize(length);
    });

    /// <summary>Reads the map on a .NET thread of its own until an operation fails; says how it failed.</summary>
    public static Task<string> ReadUntilFailure(MemoryMap map) => Task.Run(() =>
    {
        try
        {
            while (true)
            {
                _ = map[0];
                _ = map.GetSlice(0, 100);
            }
        }
        catch (Exception exception) when (MmapErrors.TryGetError(exception, out MmapError error))
        {
            return $"{MmapErrors.KindOf(error)}: {MmapErrors.MessageOf(error)}";
        }
    });

    /// <summary>Waits for a task (a method, so that pythonnet releases the GIL meanwhile); its result, if any.</summary>
    public static string Wait(Task task)
    {
        ArgumentNullException.ThrowIfNull(task);
        task.GetAwaiter().GetResult();
        return task is Task<string> withResult ? withResult.Result : "done";
    }

    /// <summary>Keeps a reference to the map on the .NET side, as an application might.</summary>
    public static void Keep(MemoryMap map) => s_kept = map;

    public static MemoryMap? Kept() => s_kept;
}
