using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace MmapNet;

/// <summary>
/// Forward and backward search of a byte sequence in memory of any length (pointer arithmetic, so maps
/// over 2 GiB need no windows). The kernels are MmapNet's own rather than <c>Span.IndexOf</c> because of
/// how a guest runtime compiles: the CoreCLR route runs with tiered compilation off (background JIT
/// threads hang forked children), so the framework's precompiled <c>IndexOf</c> is never recompiled for
/// the CPU and stays on its generic path, about a quarter slower. These are precompiled with the rest
/// (ReadyToRun, for x86-64-v3 on x86-64: src/ReadyToRun.targets), so the first search of a process
/// compiles nothing. They also unroll the single-byte search four vectors a step, as glibc's
/// <c>memchr</c> (which CPython's <c>find</c> of one byte uses) does; one vector a step is half its
/// speed in cache.
/// </summary>
/// <remarks>
/// <para>
/// A sequence of two or more bytes is found by its first byte and the last byte that differs from it
/// (fewer false candidates for needles such as <c>aaab</c>), compared a vector of positions at a time;
/// each candidate is then checked whole. A vector of positions that would read past the end is
/// replaced by the last whole vector, with the positions already checked masked off, so no load ever
/// leaves <c>[haystack, haystack + length)</c>.
/// </para>
/// <para>
/// What keeps the precompiled kernels as fast as the JIT's: no generic instantiation over the framework's
/// types (<see cref="IByteVector{TSelf}"/>), no call to a framework method that ReadyToRun code cannot inline
/// in a loop (<c>Vector256.Load</c>, <c>BitOperations.Log2</c>): with a call in it, a loop keeps its vectors
/// on the stack. The entry points are never inlined: crossgen2 (10.0) failed with a
/// <c>NotImplementedException</c> for <c>Vector256&lt;T&gt;</c> when it inlined them into MmapNet.CPython's
/// operations, which it compiles in one version bubble with this assembly.
/// </para>
/// </remarks>
internal static unsafe class ByteSearch
{
    /// <summary>The offset of the first needle in <c>[haystack, haystack + length)</c>, or -1; an empty needle is at 0.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static long IndexOf(byte* haystack, long length, byte* needle, long needleLength)
    {
        if (needleLength > length)
        {
            return -1;
        }

        if (needleLength <= 1)
        {
            return needleLength == 0 ? 0 : IndexOfByte(haystack, (nint)length, *needle);
        }

        nint positions = (nint)(length - needleLength + 1);
        if (Vector256.IsHardwareAccelerated && positions >= Vector256<byte>.Count)
        {
            return IndexOfSequence<Vector256Bytes>(haystack, positions, needle, (nint)needleLength);
        }

        return Vector128.IsHardwareAccelerated && positions >= Vector128<byte>.Count
            ? IndexOfSequence<Vector128Bytes>(haystack, positions, needle, (nint)needleLength)
            : IndexOfSequence<ScalarByte>(haystack, positions, needle, (nint)needleLength);
    }

    /// <summary>The offset of the first <paramref name="value"/> in <c>[haystack, haystack + length)</c>, or -1.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static long IndexOfByte(byte* haystack, nint length, byte value)
    {
        if (Vector256.IsHardwareAccelerated && length >= Vector256<byte>.Count)
        {
            // The first two vectors here, where most lines of text end: no call for them.
            nint width = Vector256<byte>.Count;
            Vector256Bytes target = Vector256Bytes.Broadcast(value);
            uint found = Vector256Bytes.Matches(haystack, target);
            if (found != 0)
            {
                return BitOperations.TrailingZeroCount(found);
            }

            nint searched = width;
            if (length >= 2 * width)
            {
                found = Vector256Bytes.Matches(haystack + width, target);
                if (found != 0)
                {
                    return width + BitOperations.TrailingZeroCount(found);
                }

                searched = 2 * width;
                if (length - searched >= width)
                {
                    long rest = IndexOfByte<Vector256Bytes>(haystack + searched, length - searched, value);
                    return rest < 0 ? -1 : searched + rest;
                }
            }

            return IndexOfByteInLastVector<Vector256Bytes>(haystack, length, target, searched);
        }

        return Vector128.IsHardwareAccelerated && length >= Vector128<byte>.Count
            ? IndexOfByte<Vector128Bytes>(haystack, length, value)
            : IndexOfByte<ScalarByte>(haystack, length, value);
    }

    // The bytes after the first <paramref name="searched"/> (fewer than a vector, of at least a vector in all): the
    // last whole vector, with the bytes already searched shifted off. None left: -1 without reading again (a shift by
    // a whole vector's 32 bits would be a shift by 0, and a byte written since the first read would be reported past
    // the end).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static nint IndexOfByteInLastVector<TVector>(byte* haystack, nint length, TVector target, nint searched)
        where TVector : struct, IByteVector<TVector>
    {
        if (searched == length)
        {
            return -1;
        }

        nint last = length - TVector.Count;
        uint found = TVector.Matches(haystack + last, target) >> (int)(searched - last);
        return found != 0 ? searched + BitOperations.TrailingZeroCount(found) : -1;
    }

    /// <summary>The offset of the last needle in <c>[haystack, haystack + length)</c>, or -1; an empty needle is at <paramref name="length"/>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static long LastIndexOf(byte* haystack, long length, byte* needle, long needleLength)
    {
        if (needleLength > length)
        {
            return -1;
        }

        if (needleLength == 0)
        {
            return length;
        }

        nint positions = (nint)(length - needleLength + 1);
        if (Vector256.IsHardwareAccelerated && positions >= Vector256<byte>.Count)
        {
            return LastIndexOf<Vector256Bytes>(haystack, positions, needle, (nint)needleLength);
        }

        return Vector128.IsHardwareAccelerated && positions >= Vector128<byte>.Count
            ? LastIndexOf<Vector128Bytes>(haystack, positions, needle, (nint)needleLength)
            : LastIndexOf<ScalarByte>(haystack, positions, needle, (nint)needleLength);
    }

    // At least one vector of bytes. Four vectors a step while they last, then one, then the last whole
    // vector with the bytes already checked shifted off (IndexOfByteInLastVector).
    private static nint IndexOfByte<TVector>(byte* haystack, nint length, byte value)
        where TVector : struct, IByteVector<TVector>
    {
        nint width = TVector.Count;
        TVector target = TVector.Broadcast(value);
        nint position = 0;
        for (; position <= length - (4 * width); position += 4 * width)
        {
            if (TVector.AnyOfFour(haystack + position, target))
            {
                // Bounded by the four vectors: the memory is shared (another thread or process may write it between
                // the two reads), so the byte seen a moment ago may be gone; then the search goes on after them.
                for (nint block = position; block < position + (4 * width); block += width)
                {
                    uint found = TVector.Matches(haystack + block, target);
                    if (found != 0)
                    {
                        return block + BitOperations.TrailingZeroCount(found);
                    }
                }
            }
        }

        for (; position <= length - width; position += width)
        {
            uint found = TVector.Matches(haystack + position, target);
            if (found != 0)
            {
                return position + BitOperations.TrailingZeroCount(found);
            }
        }

        return IndexOfByteInLastVector<TVector>(haystack, length, target, position);
    }

    // At least one vector of positions (a position is where a needle could start). No call in the loops:
    // with one (the check of a candidate, say), the JIT keeps the broadcast vectors on the stack and
    // loads them at every step; candidates are checked by SequenceAt, inlined.
    private static nint IndexOfSequence<TVector>(byte* haystack, nint positions, byte* needle, nint needleLength)
        where TVector : struct, IByteVector<TVector>
    {
        nint width = TVector.Count;
        nint distance = SecondByteDistance(needle, needleLength);
        TVector first = TVector.Broadcast(needle[0]);
        TVector second = TVector.Broadcast(needle[distance]);
        nint position = 0;
        for (; position <= positions - (2 * width); position += 2 * width)
        {
            // Two vectors a step: the loop's own cost halved, and its speed less dependent on where the
            // compiler happens to place it (4 cycles a step against 2.7, from alignment alone, was seen).
            uint found = TVector.Matches(haystack + position, first, haystack + position + distance, second);
            uint next = TVector.Matches(haystack + position + width, first, haystack + position + width + distance, second);
            if ((found | next) != 0)
            {
                nint match = FirstMatch(haystack + position, found, needle, needleLength);
                if (match < 0)
                {
                    match = FirstMatch(haystack + position + width, next, needle, needleLength);
                    match = match < 0 ? -1 : width + match;
                }

                if (match >= 0)
                {
                    return position + match;
                }
            }
        }

        for (; position <= positions - width; position += width)
        {
            nint match = FirstMatch(haystack + position, TVector.Matches(haystack + position, first, haystack + position + distance, second), needle, needleLength);
            if (match >= 0)
            {
                return position + match;
            }
        }

        if (position < positions)
        {
            nint last = positions - width;
            uint found = TVector.Matches(haystack + last, first, haystack + last + distance, second) >> (int)(position - last);
            nint match = FirstMatch(haystack + position, found, needle, needleLength);
            return match < 0 ? -1 : position + match;
        }

        return -1;
    }

    // Backward, as IndexOfSequence: one byte is the same search with distance 0 (the second comparison
    // repeats the first).
    private static nint LastIndexOf<TVector>(byte* haystack, nint positions, byte* needle, nint needleLength)
        where TVector : struct, IByteVector<TVector>
    {
        nint width = TVector.Count;
        nint distance = SecondByteDistance(needle, needleLength);
        TVector first = TVector.Broadcast(needle[0]);
        TVector second = TVector.Broadcast(needle[distance]);
        nint end = positions; // positions [0, end) are left to check
        for (; end >= 2 * width; end -= 2 * width)
        {
            nint start = end - (2 * width);
            uint found = TVector.Matches(haystack + start, first, haystack + start + distance, second);
            uint next = TVector.Matches(haystack + start + width, first, haystack + start + width + distance, second);
            if ((found | next) != 0)
            {
                nint match = LastMatch(haystack + start + width, next, needle, needleLength);
                if (match >= 0)
                {
                    return start + width + match;
                }

                match = LastMatch(haystack + start, found, needle, needleLength);
                if (match >= 0)
                {
                    return start + match;
                }
            }
        }

        for (; end >= width; end -= width)
        {
            nint start = end - width;
            nint match = LastMatch(haystack + start, TVector.Matches(haystack + start, first, haystack + start + distance, second), needle, needleLength);
            if (match >= 0)
            {
                return start + match;
            }
        }

        if (end > 0)
        {
            uint found = TVector.Matches(haystack, first, haystack + distance, second) & ((1u << (int)end) - 1);
            return LastMatch(haystack, found, needle, needleLength);
        }

        return -1;
    }

    // The first candidate of a vector (bit i: the needle may start at block + i) where the whole needle is.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static nint FirstMatch(byte* block, uint candidates, byte* needle, nint needleLength)
    {
        for (; candidates != 0; candidates &= candidates - 1)
        {
            int offset = BitOperations.TrailingZeroCount(candidates);
            if (SequenceAt(block + offset, needle, needleLength))
            {
                return offset;
            }
        }

        return -1;
    }

    // The highest bit is 31 - LeadingZeroCount (candidates is not 0), not BitOperations.Log2: ReadyToRun code cannot
    // inline that framework method, and a call in the backward kernel's loop costs it its vectors' registers.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static nint LastMatch(byte* block, uint candidates, byte* needle, nint needleLength)
    {
        for (; candidates != 0; candidates &= ~(1u << (31 - BitOperations.LeadingZeroCount(candidates))))
        {
            int offset = 31 - BitOperations.LeadingZeroCount(candidates);
            if (SequenceAt(block + offset, needle, needleLength))
            {
                return offset;
            }
        }

        return -1;
    }

    // Whether the needle is at `at`, read in words (the last one overlapping) and never past at + length;
    // no call, so that the kernels keep their vectors in registers.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool SequenceAt(byte* at, byte* needle, nint length)
    {
        if (length >= sizeof(ulong))
        {
            nint last = length - sizeof(ulong);
            for (nint offset = 0; offset < last; offset += sizeof(ulong))
            {
                if (Unsafe.ReadUnaligned<ulong>(at + offset) != Unsafe.ReadUnaligned<ulong>(needle + offset))
                {
                    return false;
                }
            }

            return Unsafe.ReadUnaligned<ulong>(at + last) == Unsafe.ReadUnaligned<ulong>(needle + last);
        }

        if (length >= sizeof(uint))
        {
            return Unsafe.ReadUnaligned<uint>(at) == Unsafe.ReadUnaligned<uint>(needle)
                && Unsafe.ReadUnaligned<uint>(at + length - sizeof(uint)) == Unsafe.ReadUnaligned<uint>(needle + length - sizeof(uint));
        }

        // One to three bytes: the first, the middle and the last are all of them.
        return at[0] == needle[0] && at[length / 2] == needle[length / 2] && at[length - 1] == needle[length - 1];
    }

    // The offset of the needle's last byte that differs from its first (0 for one byte, the last byte
    // when all are equal): the second byte compared at every position.
    private static nint SecondByteDistance(byte* needle, nint needleLength)
    {
        nint distance = needleLength - 1;
        while (distance > 1 && needle[distance] == needle[0])
        {
            distance--;
        }

        return distance;
    }

    /// <summary>
    /// A value broadcast to one vector width, with that width's operations as static members, so that each kernel is
    /// compiled once per width with the calls inlined (the framework's own vector interface is not public). Each is a
    /// struct of this assembly wrapping the framework's vector: ReadyToRun precompiles a generic method's instantiation
    /// only over types of its version bubble, and left <c>IndexOfSequence&lt;TWidth, Vector256&lt;byte&gt;&gt;</c> to
    /// the JIT at the first search.
    /// </summary>
    private interface IByteVector<TSelf>
        where TSelf : struct, IByteVector<TSelf>
    {
        /// <summary>Bytes per vector, at most 32 (match masks are <see cref="uint"/>).</summary>
        static abstract int Count { get; }

        static abstract TSelf Broadcast(byte value);

        /// <summary>Bit i set where <c>at[i]</c> is the value.</summary>
        static abstract uint Matches(byte* at, TSelf value);

        /// <summary>Bit i set where <c>at[i]</c> is the first value and <c>secondAt[i]</c> the second.</summary>
        static abstract uint Matches(byte* at, TSelf first, byte* secondAt, TSelf second);

        /// <summary>Whether any of the four vectors from <paramref name="at"/> holds the value.</summary>
        static abstract bool AnyOfFour(byte* at, TSelf value);
    }

    private readonly struct Vector256Bytes : IByteVector<Vector256Bytes>
    {
        private readonly Vector256<byte> _value;

        private Vector256Bytes(Vector256<byte> value) => _value = value;

        // Not Vector256.Load: crossgen2 (10.0) compiles that generic method as a call, once per vector read.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector256<byte> Load(byte* at) => Unsafe.ReadUnaligned<Vector256<byte>>(at);

        public static int Count => Vector256<byte>.Count;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256Bytes Broadcast(byte value) => new(Vector256.Create(value));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static uint Matches(byte* at, Vector256Bytes value) =>
            Vector256.Equals(Load(at), value._value).ExtractMostSignificantBits();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static uint Matches(byte* at, Vector256Bytes first, byte* secondAt, Vector256Bytes second) =>
            (Vector256.Equals(Load(at), first._value) & Vector256.Equals(Load(secondAt), second._value)).ExtractMostSignificantBits();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool AnyOfFour(byte* at, Vector256Bytes value) =>
            (Vector256.Equals(Load(at), value._value) | Vector256.Equals(Load(at + 32), value._value)
             | Vector256.Equals(Load(at + 64), value._value) | Vector256.Equals(Load(at + 96), value._value)) != Vector256<byte>.Zero;
    }

    private readonly struct Vector128Bytes : IByteVector<Vector128Bytes>
    {
        private readonly Vector128<byte> _value;

        private Vector128Bytes(Vector128<byte> value) => _value = value;

        // Not Vector128.Load, as Vector256Bytes.Load.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector128<byte> Load(byte* at) => Unsafe.ReadUnaligned<Vector128<byte>>(at);

        public static int Count => Vector128<byte>.Count;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128Bytes Broadcast(byte value) => new(Vector128.Create(value));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static uint Matches(byte* at, Vector128Bytes value) =>
            Vector128.Equals(Load(at), value._value).ExtractMostSignificantBits();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static uint Matches(byte* at, Vector128Bytes first, byte* secondAt, Vector128Bytes second) =>
            (Vector128.Equals(Load(at), first._value) & Vector128.Equals(Load(secondAt), second._value)).ExtractMostSignificantBits();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool AnyOfFour(byte* at, Vector128Bytes value) =>
            (Vector128.Equals(Load(at), value._value) | Vector128.Equals(Load(at + 16), value._value)
             | Vector128.Equals(Load(at + 32), value._value) | Vector128.Equals(Load(at + 48), value._value)) != Vector128<byte>.Zero;
    }

    // A CPU without vector support: one byte is a "vector", so every kernel runs its plain loop shape.
    private readonly struct ScalarByte : IByteVector<ScalarByte>
    {
        private readonly byte _value;

        private ScalarByte(byte value) => _value = value;

        public static int Count => 1;

        public static ScalarByte Broadcast(byte value) => new(value);

        public static uint Matches(byte* at, ScalarByte value) => *at == value._value ? 1u : 0u;

        public static uint Matches(byte* at, ScalarByte first, byte* secondAt, ScalarByte second) =>
            *at == first._value && *secondAt == second._value ? 1u : 0u;

        public static bool AnyOfFour(byte* at, ScalarByte value) =>
            at[0] == value._value || at[1] == value._value || at[2] == value._value || at[3] == value._value;
    }
}
