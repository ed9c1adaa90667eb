using System.Text;

namespace MmapNet.Examples;

/// <summary>C# that Python code calls with an mmapnet map: it arrives as the very same <see cref="MemoryMap"/>.</summary>
public static class Checksum
{
    /// <summary>Adds up the bytes of the map, reading them in place.</summary>
    public static long Sum(MemoryMap map)
    {
        using MemoryMapPin pin = map.Pin();
        long sum = 0;
        foreach (byte value in pin.ReadOnlySpan)
        {
            sum += value;
        }

        return sum;
    }

    /// <summary>Writes <paramref name="text"/> at <paramref name="offset"/>; Python sees it at once.</summary>
    public static void Stamp(MemoryMap map, long offset, string text) => map.WriteAt(offset, Encoding.UTF8.GetBytes(text));
}
