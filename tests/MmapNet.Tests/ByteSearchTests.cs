using System;

namespace MmapNet.Tests;

// ByteSearch splits searches longer than int.MaxValue into overlapping windows. With small windows the
// same code crosses many window boundaries in a few bytes; every answer must equal a search of the
// whole buffer at once.
public class ByteSearchTests
{
    [Test]
    public unsafe void WindowedSearch_AgreesWithAWholeBufferSearch_ForEveryPlacementAndWindow()
    {
        Random random = new(42);
        int checkedCases = 0;
        for (int length = 0; length <= 40; length++)
        {
            byte[] haystack = new byte[length];
            for (int trial = 0; trial < 6; trial++)
            {
                for (int i = 0; i < length; i++)
                {
                    haystack[i] = (byte)random.Next(0, 3); // a small alphabet: many partial and repeated matches
                }

                for (int needleLength = 1; needleLength <= 5; needleLength++)
                {
                    byte[] needle = new byte[needleLength];
                    for (int i = 0; i < needleLength; i++)
                    {
                        needle[i] = (byte)random.Next(0, 3);
                    }

                    long first = haystack.AsSpan().IndexOf(needle);
                    long last = haystack.AsSpan().LastIndexOf(needle);
                    fixed (byte* start = haystack)
                    {
                        for (int window = needleLength; window <= 12; window++)
                        {
                            long windowedFirst = IndexOf(start, length, needle, window);
                            long windowedLast = LastIndexOf(start, length, needle, window);
                            if (windowedFirst != first || windowedLast != last)
                            {
                                Assert.Fail($"length {length}, needle [{string.Join(",", needle)}], window {window}, haystack [{string.Join(",", haystack)}]: " +
                                    $"first {windowedFirst} (expected {first}), last {windowedLast} (expected {last})");
                            }

                            checkedCases++;
                        }
                    }
                }
            }
        }

        Assert.That(checkedCases, Is.GreaterThan(10000));
    }

    [Test]
    public unsafe void NeedleAcrossAWindowBoundary_IsFoundForwardAndBackward()
    {
        byte[] haystack = new byte[64];
        "abcde"u8.CopyTo(haystack.AsSpan(14)); // window 16: the needle spans the boundary at 16
        fixed (byte* start = haystack)
        {
            using (Assert.EnterMultipleScope())
            {
                Assert.That(IndexOf(start, 64, "abcde"u8, 16), Is.EqualTo(14));
                Assert.That(LastIndexOf(start, 64, "abcde"u8, 16), Is.EqualTo(14));
                Assert.That(IndexOf(start, 64, "abcde"u8), Is.EqualTo(14));
                Assert.That(LastIndexOf(start, 64, "abcde"u8), Is.EqualTo(14));
            }
        }
    }

    [Test]
    public unsafe void EmptyNeedle_IsFoundAtTheStartForwardAndAtTheEndBackward()
    {
        byte[] haystack = new byte[10];
        fixed (byte* start = haystack)
        {
            using (Assert.EnterMultipleScope())
            {
                Assert.That(IndexOf(start, 10, [], 3), Is.Zero);
                Assert.That(LastIndexOf(start, 10, [], 3), Is.EqualTo(10));
                Assert.That(IndexOf(start, 0, []), Is.Zero);
                Assert.That(LastIndexOf(start, 0, []), Is.Zero);
            }
        }
    }

    [Test]
    public unsafe void NeedleLongerThanTheHaystack_IsNotFound()
    {
        byte[] haystack = "abc"u8.ToArray();
        fixed (byte* start = haystack)
        {
            using (Assert.EnterMultipleScope())
            {
                Assert.That(IndexOf(start, 3, "abcd"u8), Is.EqualTo(-1));
                Assert.That(LastIndexOf(start, 3, "abcd"u8), Is.EqualTo(-1));
                Assert.That(IndexOf(start, 2, "abc"u8), Is.EqualTo(-1));
            }
        }
    }

    [Test]
    public unsafe void WindowSmallerThanTheNeedle_IsRefused()
    {
        byte[] haystack = new byte[10];
        fixed (byte* start = haystack)
        {
            byte* pointer = start;
            Assert.Throws<ArgumentOutOfRangeException>(() => IndexOf(pointer, 10, "abc"u8, 2));
            Assert.Throws<ArgumentOutOfRangeException>(() => LastIndexOf(pointer, 10, "abc"u8, 2));
        }
    }

    private static unsafe long IndexOf(byte* haystack, long length, ReadOnlySpan<byte> needle, int window = int.MaxValue)
    {
        fixed (byte* pattern = needle)
        {
            return ByteSearch.IndexOf(haystack, length, pattern, needle.Length, window);
        }
    }

    private static unsafe long LastIndexOf(byte* haystack, long length, ReadOnlySpan<byte> needle, int window = int.MaxValue)
    {
        fixed (byte* pattern = needle)
        {
            return ByteSearch.LastIndexOf(haystack, length, pattern, needle.Length, window);
        }
    }
}
