using System.Runtime.CompilerServices;

namespace MmapNet;

/// <summary>
/// Python's slice arithmetic (<c>PySlice_AdjustIndices</c>): clamps start and stop to a sequence of a
/// given length for a given step, and counts the items the slice selects.
/// </summary>
public static class SliceIndices
{
    /// <summary>
    /// Clamps <paramref name="start"/> and <paramref name="stop"/> (negative values count from the end)
    /// to <paramref name="length"/> and returns how many items <c>[start:stop:step]</c> selects.
    /// <paramref name="step"/> must not be 0.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // into every slice operation's hot path, which runs it per call
    public static long Adjust(long length, ref long start, ref long stop, long step)
    {
        start = Clamp(start, length, step);
        stop = Clamp(stop, length, step);
        if (step == 1)
        {
            // The usual slice: the count below without its division, a 64-bit idiv of tens of cycles.
            return start < stop ? stop - start : 0;
        }

        if (step < 0)
        {
            return stop < start ? ((start - stop - 1) / -step) + 1 : 0;
        }

        return start < stop ? ((stop - start - 1) / step) + 1 : 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long Clamp(long index, long length, long step)
    {
        if (index < 0)
        {
            index += length;
            if (index < 0)
            {
                index = step < 0 ? -1 : 0;
            }
        }
        else if (index >= length)
        {
            index = step < 0 ? length - 1 : length;
        }

        return index;
    }
}
