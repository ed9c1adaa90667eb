using System;
using System.Diagnostics;
using System.Threading;

namespace MmapNet.Tests;

// ByteSearch's vector kernels against the framework's span search: lengths that cross every block
// boundary of 16- and 32-byte vectors and their four-vector steps, small alphabets (many candidates
// that fail late), needles whose bytes are all equal, and every placement of a needle near the end, where
// the last block overlaps the ones before it. Each buffer is copied to the end of a page with no access
// behind it, so a load past the haystack faults instead of passing unseen.
public class ByteSearchTests
{
    [Test]
    public unsafe void Search_AgreesWithTheSpanSearch_ForEveryLengthAlphabetAndNeedle()
    {
        Random random = new(42);
        using GuardedBuffer guarded = new(4096);
        int checkedCases = 0;
        for (int length = 0; length <= 300; length += length < 140 ? 1 : 7)
        {
            foreach (int alphabet in new[] { 1, 2, 3, 256 })
            {
                byte[] haystack = new byte[length];
                for (int i = 0; i < length; i++)
                {
                    haystack[i] = (byte)random.Next(0, alphabet);
                }

                byte* start = guarded.Place(haystack);
                foreach (int needleLength in new[] { 1, 2, 3, 4, 5, 7, 8, 9, 16, 17, 33, 40 })
                {
                    if (needleLength > length + 1)
                    {
                        continue;
                    }

                    for (int trial = 0; trial < 3; trial++)
                    {
                        byte[] needle = trial == 0 && needleLength <= length
                            ? haystack.AsSpan(random.Next(0, length - needleLength + 1), needleLength).ToArray() // present at least once
                            : RandomBytes(random, needleLength, alphabet);
                        Check(start, haystack, needle);
                        checkedCases++;
                    }
                }
            }
        }

        Assert.That(checkedCases, Is.GreaterThan(10000));
    }

    [Test]
    public unsafe void NeedleAtEveryPlacement_IsFoundForwardAndBackward()
    {
        using GuardedBuffer guarded = new(4096);
        foreach (int length in new[] { 15, 16, 17, 31, 32, 33, 63, 64, 65, 127, 128, 129, 200 })
        {
            foreach (byte[] needle in new[] { "x"u8.ToArray(), "xy"u8.ToArray(), "aax"u8.ToArray(), "xaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"u8.ToArray() })
            {
                for (int at = 0; at + needle.Length <= length; at++)
                {
                    byte[] haystack = new byte[length];
                    haystack.AsSpan().Fill((byte)'a');
                    needle.CopyTo(haystack, at);
                    Check(guarded.Place(haystack), haystack, needle);
                }
            }
        }
    }

    [TestCase(128, 0)]
    [TestCase(32, 0)]
    [TestCase(64, 32)]
    public unsafe void AByteChangingDuringTheSearch_IsFoundWhereItIsOrNotAtAll(int length, int toggled)
    {
        // A map's memory is shared: another thread or process may write it while a search reads it. Here a writer
        // keeps setting and clearing one byte of a haystack at the end of a page with no access behind it; the search
        // may or may not see the byte, but must never report it anywhere else, nor read on. 128 bytes are four 32-byte
        // vectors, the single-byte search's step, which it reads again to find the byte's vector; 32 and 64 bytes are
        // searched a vector at a time, the toggled byte in the last one, which must not be read again and reported a
        // vector further on.
        using GuardedBuffer guarded = new(4096);
        nint haystack = (nint)guarded.Place(new byte[length]);
        using CancellationTokenSource stop = new();
        Thread writer = new(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                Volatile.Write(ref *(byte*)(haystack + toggled), 1);
                Volatile.Write(ref *(byte*)(haystack + toggled), 0);
            }
        });
        writer.Start();
        long seen = 0, wrong = 0, wrongAt = 0;
        Stopwatch clock = Stopwatch.StartNew();
        while (clock.ElapsedMilliseconds < 1500)
        {
            for (int i = 0; i < 10000; i++)
            {
                long at = ByteSearch.IndexOfByte((byte*)haystack, length, 1);
                seen += at == toggled ? 1 : 0;
                if (at != toggled && at != -1)
                {
                    wrong++;
                    wrongAt = at;
                }
            }
        }

        stop.Cancel();
        writer.Join();
        Assert.That(wrong, Is.Zero, $"found the byte at {wrongAt}, where it never was (it is at {toggled} of {length})");
        Assert.That(seen, Is.GreaterThan(0), "the writer's byte was never seen: the race was not run");
    }

    private static unsafe void Check(byte* start, byte[] haystack, byte[] needle)
    {
        long first = haystack.AsSpan().IndexOf(needle);
        long last = haystack.AsSpan().LastIndexOf(needle);
        long foundFirst = IndexOf(start, haystack.Length, needle);
        long foundLast = LastIndexOf(start, haystack.Length, needle);
        long foundByte = needle.Length == 1 ? ByteSearch.IndexOfByte(start, haystack.Length, needle[0]) : first;
        if (foundFirst != first || foundLast != last || foundByte != first)
        {
            Assert.Fail($"needle [{string.Join(",", needle)}], haystack [{string.Join(",", haystack)}]: " +
                $"first {foundFirst} (expected {first}), last {foundLast} (expected {last}), byte {foundByte}");
        }
    }

    private static byte[] RandomBytes(Random random, int length, int alphabet)
    {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++)
        {
            bytes[i] = (byte)random.Next(0, alphabet);
        }

        return bytes;
    }

    [Test]
    public unsafe void EmptyNeedle_IsFoundAtTheStartForwardAndAtTheEndBackward()
    {
        byte[] haystack = new byte[10];
        fixed (byte* start = haystack)
        {
            using (Assert.EnterMultipleScope())
            {
                Assert.That(IndexOf(start, 10, []), Is.Zero);
                Assert.That(LastIndexOf(start, 10, []), Is.EqualTo(10));
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

    private static unsafe long IndexOf(byte* haystack, long length, ReadOnlySpan<byte> needle)
    {
        fixed (byte* pattern = needle)
        {
            return ByteSearch.IndexOf(haystack, length, pattern, needle.Length);
        }
    }

    private static unsafe long LastIndexOf(byte* haystack, long length, ReadOnlySpan<byte> needle)
    {
        fixed (byte* pattern = needle)
        {
            return ByteSearch.LastIndexOf(haystack, length, pattern, needle.Length);
        }
    }

    // Two pages: the first readable, the second with no access. Place copies bytes to the end of the
    // first page, so a read one byte past them faults.
    private sealed unsafe class GuardedBuffer : IDisposable
    {
        private const int ReadWrite = 3;
        private const int NoAccess = 0;
        private const int PrivateAnonymous = 0x02 | 0x20;
        private readonly byte* _pages;
        private readonly int _pageSize = Environment.SystemPageSize;

        public GuardedBuffer(int capacity)
        {
            Assert.That(capacity, Is.LessThanOrEqualTo(_pageSize));
            _pages = (byte*)Mmap(0, 2 * _pageSize, ReadWrite, PrivateAnonymous, -1, 0);
            Assert.That((nint)_pages, Is.Not.EqualTo((nint)(-1)), "mmap");
            Assert.That(Mprotect((nint)(_pages + _pageSize), _pageSize, NoAccess), Is.Zero, "mprotect");
        }

        public byte* Place(byte[] bytes)
        {
            byte* start = _pages + _pageSize - bytes.Length;
            bytes.CopyTo(new Span<byte>(start, bytes.Length));
            return start;
        }

        public void Dispose() => Assert.That(Munmap((nint)_pages, 2 * _pageSize), Is.Zero, "munmap");

        [System.Runtime.InteropServices.DllImport("libc.so.6", EntryPoint = "mmap")]
        private static extern nint Mmap(nint address, nint length, int protection, int flags, int descriptor, nint offset);

        [System.Runtime.InteropServices.DllImport("libc.so.6", EntryPoint = "mprotect")]
        private static extern int Mprotect(nint address, nint length, int protection);

        [System.Runtime.InteropServices.DllImport("libc.so.6", EntryPoint = "munmap")]
        private static extern int Munmap(nint address, nint length);
    }
}
