using System;

namespace MmapNet;

/// <summary>
/// Forward and backward search of a byte sequence in memory of any length. Spans stop at
/// <see cref="int.MaxValue"/> bytes, so longer ranges are searched in windows that overlap by one byte
/// less than the needle; within a window the runtime's vectorized <c>IndexOf</c>/<c>LastIndexOf</c>
/// do the work.
/// </summary>
internal static unsafe class ByteSearch
{
    /// <summary>The offset of the first <paramref name="needle"/> in <c>[haystack, haystack + length)</c>, or -1.</summary>
    public static long IndexOf(byte* haystack, long length, ReadOnlySpan<byte> needle) =>
        IndexOf(haystack, length, needle, int.MaxValue);

    /// <summary>
    /// <see cref="IndexOf(byte*, long, ReadOnlySpan{byte})"/> with windows of at most
    /// <paramref name="window"/> bytes (at least the needle's length); tests use small windows.
    /// </summary>
    internal static long IndexOf(byte* haystack, long length, ReadOnlySpan<byte> needle, int window)
    {
        long step = WindowStep(needle, window);
        for (long start = 0; length - start >= needle.Length; start += step)
        {
            int size = (int)Math.Min(window, length - start);
            int found = new ReadOnlySpan<byte>(haystack + start, size).IndexOf(needle);
            if (found >= 0)
            {
                return start + found;
            }
        }

        return -1;
    }

    /// <summary>The offset of the last <paramref name="needle"/> in <c>[haystack, haystack + length)</c>, or -1.</summary>
    public static long LastIndexOf(byte* haystack, long length, ReadOnlySpan<byte> needle) =>
        LastIndexOf(haystack, length, needle, int.MaxValue);

    /// <summary>
    /// <see cref="LastIndexOf(byte*, long, ReadOnlySpan{byte})"/> with windows of at most
    /// <paramref name="window"/> bytes (at least the needle's length); tests use small windows.
    /// </summary>
    internal static long LastIndexOf(byte* haystack, long length, ReadOnlySpan<byte> needle, int window)
    {
        long step = WindowStep(needle, window);
        for (long end = length; end >= needle.Length; end -= step)
        {
            long start = Math.Max(0, end - window);
            int found = new ReadOnlySpan<byte>(haystack + start, (int)(end - start)).LastIndexOf(needle);
            if (found >= 0)
            {
                return start + found;
            }
        }

        return -1;
    }

    // Consecutive windows share needle.Length - 1 bytes, so a match across a boundary is still seen.
    private static long WindowStep(ReadOnlySpan<byte> needle, int window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, Math.Max(1, needle.Length));
        return window - Math.Max(0, needle.Length - 1);
    }
}
