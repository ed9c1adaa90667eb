using System;

namespace MmapNet;

/// <summary>
/// Forward and backward search of a byte sequence in memory of any length. Spans stop at
/// <see cref="int.MaxValue"/> bytes, so longer ranges are searched in windows that overlap by one byte
/// less than the needle; within a window the runtime's vectorized <c>IndexOf</c>/<c>LastIndexOf</c>
/// do the work. A needle longer than a span can hold is compared window by window at each candidate.
/// </summary>
internal static unsafe class ByteSearch
{
    /// <summary>
    /// The offset of the first needle in <c>[haystack, haystack + length)</c>, or -1. Windows hold at
    /// most <paramref name="window"/> bytes (at least the needle's length); tests use small ones to
    /// cross many window boundaries in a few bytes.
    /// </summary>
    public static long IndexOf(byte* haystack, long length, byte* needle, long needleLength, int window = int.MaxValue)
    {
        if (needleLength > length)
        {
            return -1;
        }

        if (length <= window)
        {
            // One window holds it all (every map under 2 GiB): no windowing arithmetic on the way
            // to the runtime's search, which is what short searches spend their time on.
            return new ReadOnlySpan<byte>(haystack, (int)length).IndexOf(new ReadOnlySpan<byte>(needle, (int)needleLength));
        }

        if (needleLength > int.MaxValue)
        {
            for (long candidate = 0; candidate <= length - needleLength; candidate++)
            {
                if (EqualLong(haystack + candidate, needle, needleLength))
                {
                    return candidate;
                }
            }

            return -1;
        }

        ReadOnlySpan<byte> pattern = new(needle, (int)needleLength);
        long step = WindowStep(needleLength, window);
        for (long start = 0; length - start >= needleLength; start += step)
        {
            int size = (int)Math.Min(window, length - start);
            int found = new ReadOnlySpan<byte>(haystack + start, size).IndexOf(pattern);
            if (found >= 0)
            {
                return start + found;
            }
        }

        return -1;
    }

    /// <summary>The offset of the last needle in <c>[haystack, haystack + length)</c>, or -1; windows as for <see cref="IndexOf"/>.</summary>
    public static long LastIndexOf(byte* haystack, long length, byte* needle, long needleLength, int window = int.MaxValue)
    {
        if (needleLength > length)
        {
            return -1;
        }

        if (length <= window)
        {
            return new ReadOnlySpan<byte>(haystack, (int)length).LastIndexOf(new ReadOnlySpan<byte>(needle, (int)needleLength));
        }

        if (needleLength > int.MaxValue)
        {
            for (long candidate = length - needleLength; candidate >= 0; candidate--)
            {
                if (EqualLong(haystack + candidate, needle, needleLength))
                {
                    return candidate;
                }
            }

            return -1;
        }

        ReadOnlySpan<byte> pattern = new(needle, (int)needleLength);
        long step = WindowStep(needleLength, window);
        for (long end = length; end >= needleLength; end -= step)
        {
            long start = Math.Max(0, end - window);
            int found = new ReadOnlySpan<byte>(haystack + start, (int)(end - start)).LastIndexOf(pattern);
            if (found >= 0)
            {
                return start + found;
            }
        }

        return -1;
    }

    // Consecutive windows share needleLength - 1 bytes, so a match across a boundary is still seen.
    private static long WindowStep(long needleLength, int window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, Math.Max(1, needleLength));
        return window - Math.Max(0, needleLength - 1);
    }

    private static bool EqualLong(byte* left, byte* right, long length)
    {
        for (long done = 0; done < length; done += int.MaxValue)
        {
            int size = (int)Math.Min(int.MaxValue, length - done);
            if (!new ReadOnlySpan<byte>(left + done, size).SequenceEqual(new ReadOnlySpan<byte>(right + done, size)))
            {
                return false;
            }
        }

        return true;
    }
}
