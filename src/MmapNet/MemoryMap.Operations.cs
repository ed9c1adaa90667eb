using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using MmapNet.Interop;

namespace MmapNet;

// The operations, each as CPython's mmap_*_method does it. Every rule is written once, in a *Core
// method that returns an MmapStatus and expects the caller to keep the mapping in place (a lease, or
// the GIL in the CPython face); the public method takes the lease and throws. The small ones are
// inlined into the CPython face's slots, on the path of every `m[i]` and `read_byte()`.
//
// A *Core method is the part of CPython's method that comes after argument parsing, and its checks
// come in CPython's order there. Callers check that the map is open first, as CPython does before it
// parses; the map can still be closed by the time a *Core runs, when parsing ran Python code (an
// __index__ or __buffer__ that closes it), and then CPython's later checks decide what is raised:
// a bounds error may come before "mmap closed or invalid", and seek() and flush() do not look again.
public sealed unsafe partial class MemoryMap
{
    /// <summary>Reads the byte at the position and advances it (Python's <c>read_byte()</c>).</summary>
    /// <exception cref="MemoryMapException">The position is at or past the end (<see cref="MmapError.ReadByteOutOfRange"/>).</exception>
    /// <exception cref="ObjectDisposedException">The map is closed.</exception>
    public byte ReadByte()
    {
        using Lease lease = AcquireLease();
        ReadByteCore(out byte value).ThrowIfFailed();
        return value;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal MmapStatus ReadByteCore(out byte value)
    {
        value = 0;
        if (_closed)
        {
            return MmapError.ClosedOrInvalid;
        }

        long position = _position;
        if (position >= MappedLength)
        {
            return MmapError.ReadByteOutOfRange;
        }

        value = Address[position];
        _position = position + 1;
        return MmapStatus.Ok;
    }

    /// <summary>
    /// Reads up to <paramref name="count"/> bytes from the position and advances it; a negative count
    /// reads to the end (Python's <c>read(n)</c>; <c>read()</c> is <c>Read(-1)</c>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// The bytes <paramref name="count"/> asks for (all of them, when negative) exceed <see cref="Array.MaxLength"/>
    /// (a map over 2 GiB); the position is left unchanged. Read such a map in parts, or into a span.
    /// </exception>
    /// <exception cref="ObjectDisposedException">The map is closed.</exception>
    public byte[] Read(long count = -1)
    {
        using Lease lease = AcquireLease();
        long position = _position;
        ReadCore(count, out byte* source, out long length).ThrowIfFailed();
        if (length > Array.MaxLength)
        {
            _position = position;
            throw new ArgumentOutOfRangeException(nameof(count), TooLongForAnArray(length));
        }

        return new ReadOnlySpan<byte>(source, (int)length).ToArray();
    }

    /// <summary>Reads into <paramref name="destination"/> from the position and advances it; returns the bytes read.</summary>
    /// <exception cref="ObjectDisposedException">The map is closed.</exception>
    public int Read(Span<byte> destination)
    {
        using Lease lease = AcquireLease();
        ReadCore(destination.Length, out byte* source, out long length).ThrowIfFailed();
        new ReadOnlySpan<byte>(source, (int)length).CopyTo(destination);
        return (int)length;
    }

    /// <summary>
    /// Takes up to <paramref name="requested"/> bytes (all when negative) at the position and advances
    /// past them; <paramref name="source"/> points into the mapping.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal MmapStatus ReadCore(long requested, out byte* source, out long length)
    {
        source = null;
        length = 0;
        if (_closed)
        {
            return MmapError.ClosedOrInvalid;
        }

        long position = _position;
        long remaining = Remaining(position);
        length = requested < 0 || requested > remaining ? remaining : requested;
        source = Address + Math.Min(position, MappedLength);
        _position = position + length;
        return MmapStatus.Ok;
    }

    /// <summary>Reads a line, up to and including the next <c>\n</c>, or to the end (Python's <c>readline()</c>).</summary>
    /// <exception cref="InvalidOperationException">
    /// The line at the position exceeds <see cref="Array.MaxLength"/>; the position is left unchanged. Read
    /// it in parts, or into a span.
    /// </exception>
    /// <exception cref="ObjectDisposedException">The map is closed.</exception>
    public byte[] ReadLine()
    {
        using Lease lease = AcquireLease();
        long position = _position;
        ReadLineCore(out byte* source, out long length).ThrowIfFailed();
        if (length > Array.MaxLength)
        {
            // A read must not consume what it cannot return.
            _position = position;
            throw new InvalidOperationException(TooLongForAnArray(length));
        }

        return new ReadOnlySpan<byte>(source, (int)length).ToArray();
    }

    // CPython returns any length as one bytes object; a .NET array holds at most Array.MaxLength bytes.
    private static string TooLongForAnArray(long length) =>
        $"{length} bytes do not fit in an array (at most {Array.MaxLength}); read them in parts, or into a span.";

    [MethodImpl(MethodImplOptions.AggressiveInlining)] // into the CPython face's readline: one call less per line
    internal MmapStatus ReadLineCore(out byte* source, out long length)
    {
        source = null;
        length = 0;
        if (_closed)
        {
            return MmapError.ClosedOrInvalid;
        }

        long position = _position;
        long remaining = Remaining(position);
        source = Address + Math.Min(position, MappedLength);
        long newline = ByteSearch.IndexOfByte(source, (nint)remaining, (byte)'\n');
        length = newline < 0 ? remaining : newline + 1;
        _position = position + length;
        return MmapStatus.Ok;
    }

    /// <summary>Writes <paramref name="data"/> at the position and advances it (Python's <c>write()</c>); returns its length.</summary>
    /// <exception cref="MemoryMapException">The data does not fit between the position and the end (<see cref="MmapError.DataOutOfRange"/>).</exception>
    /// <exception cref="NotSupportedException">The map is read-only.</exception>
    /// <exception cref="ObjectDisposedException">The map is closed.</exception>
    public int Write(ReadOnlySpan<byte> data)
    {
        using Lease lease = AcquireLease();
        fixed (byte* source = data)
        {
            WriteCore(source, data.Length).ThrowIfFailed();
        }

        return data.Length;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal MmapStatus WriteCore(byte* data, long length)
    {
        if (Access == MapAccess.Read)
        {
            return MmapError.ReadOnly;
        }

        long position = _position;
        long size = MappedLength;
        if (position > size || size - position < length)
        {
            return MmapError.DataOutOfRange;
        }

        if (_closed)
        {
            return MmapError.ClosedOrInvalid;
        }

        CopyIntoMap(Address + position, data, length);
        _position = position + length;
        return MmapStatus.Ok;
    }

    /// <summary>Writes one byte at the position and advances it (Python's <c>write_byte()</c>).</summary>
    /// <exception cref="MemoryMapException">The position is at or past the end (<see cref="MmapError.WriteByteOutOfRange"/>).</exception>
    /// <exception cref="NotSupportedException">The map is read-only.</exception>
    /// <exception cref="ObjectDisposedException">The map is closed.</exception>
    public void WriteByte(byte value)
    {
        using Lease lease = AcquireLease();
        WriteByteCore(value).ThrowIfFailed();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal MmapStatus WriteByteCore(byte value)
    {
        if (Access == MapAccess.Read)
        {
            return MmapError.ReadOnly;
        }

        if (_closed)
        {
            return MmapError.ClosedOrInvalid;
        }

        long position = _position;
        if (position >= MappedLength)
        {
            return MmapError.WriteByteOutOfRange;
        }

        Address[position] = value;
        _position = position + 1;
        return MmapStatus.Ok;
    }

    /// <summary>
    /// Moves the position (Python's <c>seek(pos, whence)</c>) and returns the new one. The position
    /// may be anywhere from 0 to the length, inclusive.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// The new position would be before the start or past the end, or <paramref name="origin"/> is not a <see cref="SeekOrigin"/>.
    /// </exception>
    /// <exception cref="ObjectDisposedException">The map is closed.</exception>
    public long Seek(long offset, SeekOrigin origin = SeekOrigin.Begin) => Seek(offset, origin, nameof(offset));

    private long Seek(long offset, SeekOrigin origin, string offsetName)
    {
        using Lease lease = AcquireLease();
        MmapStatus status = SeekCore(offset, (int)origin, out long position);
        status.ThrowIfFailed(status.Error == MmapError.SeekOutOfRange ? offsetName : null);
        return position;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal MmapStatus SeekCore(long distance, int whence, out long position)
    {
        // No closed check here: CPython's seek() does not look again after parsing, so a map closed by
        // an __index__ of its arguments still gets its position moved (within its last length).
        position = 0;
        long size = MappedLength;
        long current = _position;
        long target;
        switch (whence)
        {
            case 0:
                target = distance;
                break;
            case 1:
                if (long.MaxValue - current < distance)
                {
                    return MmapError.SeekOutOfRange;
                }

                target = current + distance;
                break;
            case 2:
                if (long.MaxValue - size < distance)
                {
                    return MmapError.SeekOutOfRange;
                }

                target = size + distance;
                break;
            default:
                return MmapError.UnknownSeekType;
        }

        if (target > size || target < 0)
        {
            return MmapError.SeekOutOfRange;
        }

        _position = position = target;
        return MmapStatus.Ok;
    }

    /// <summary>
    /// The lowest index of <paramref name="value"/> in the map from the position to the end, or -1
    /// (Python's <c>find(sub)</c>).
    /// </summary>
    public long Find(ReadOnlySpan<byte> value) => Search(value, null, null, reverse: false);

    /// <summary>
    /// The lowest index of <paramref name="value"/> in <c>[start:end]</c> (slice notation: negative
    /// values count from the end, and both are clamped), or -1 (Python's <c>find(sub, start, end)</c>).
    /// </summary>
    public long Find(ReadOnlySpan<byte> value, long start, long? end = null) => Search(value, start, end, reverse: false);

    /// <summary>The highest index of <paramref name="value"/> from the position to the end, or -1 (Python's <c>rfind(sub)</c>).</summary>
    public long ReverseFind(ReadOnlySpan<byte> value) => Search(value, null, null, reverse: true);

    /// <summary>The highest index of <paramref name="value"/> in <c>[start:end]</c>, or -1 (Python's <c>rfind(sub, start, end)</c>).</summary>
    public long ReverseFind(ReadOnlySpan<byte> value, long start, long? end = null) => Search(value, start, end, reverse: true);

    private long Search(ReadOnlySpan<byte> value, long? start, long? end, bool reverse)
    {
        using Lease lease = AcquireLease();
        long index;
        fixed (byte* needle = value)
        {
            FindCore(needle, value.Length, start ?? _position, end ?? MappedLength, reverse, invertedRangeMatchesEmpty: false, out index).ThrowIfFailed();
        }

        return index;
    }

    /// <summary>
    /// find/rfind over <c>[start:end]</c>. <paramref name="invertedRangeMatchesEmpty"/> reproduces
    /// CPython 3.11.0 to 3.11.4, where an empty needle in a range with end before start matched.
    /// </summary>
    internal MmapStatus FindCore(byte* needle, long needleLength, long start, long end, bool reverse, bool invertedRangeMatchesEmpty, out long index)
    {
        index = -1;
        if (_closed)
        {
            return MmapError.ClosedOrInvalid;
        }

        long size = MappedLength;
        start = ClampSearchBound(start, size);
        end = ClampSearchBound(end, size);
        if (needleLength == 0)
        {
            if (end >= start || invertedRangeMatchesEmpty)
            {
                index = reverse ? end : start;
            }

            return MmapStatus.Ok;
        }

        if (end > start)
        {
            long found = reverse
                ? ByteSearch.LastIndexOf(Address + start, end - start, needle, needleLength)
                : ByteSearch.IndexOf(Address + start, end - start, needle, needleLength);
            index = found < 0 ? -1 : start + found;
        }

        return MmapStatus.Ok;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long ClampSearchBound(long bound, long size)
    {
        if (bound < 0)
        {
            bound += size;
            return bound < 0 ? 0 : bound;
        }

        return bound > size ? size : bound;
    }

    /// <summary>
    /// Writes the changes in <c>[offset, offset + size)</c> back to the file with <c>msync(MS_SYNC)</c>
    /// (Python's <c>flush()</c>); does nothing for read-only and copy-on-write maps.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><c>[offset, offset + size)</c> is not inside the map.</exception>
    /// <exception cref="MemoryMapException"><c>msync</c> failed (an offset that is not a multiple of the page size: EINVAL).</exception>
    /// <exception cref="ObjectDisposedException">The map is closed.</exception>
    public void Flush(long offset = 0, long? size = null)
    {
        using Lease lease = AcquireLease();
        MmapStatus status = FlushCore(offset, size ?? MappedLength);
        if (!status.IsOk && _closed)
        {
            // Closed by another thread during the call: FlushCore answers as CPython's flush() would (the kernel's
            // errno for the unmapped range), but for .NET a closed map is an ObjectDisposedException.
            status = MmapError.ClosedOrInvalid;
        }

        // The rule is FlushCore's; this only names the argument that broke it.
        status.ThrowIfFailed(offset < 0 || offset > MappedLength ? nameof(offset) : nameof(size));
    }

    internal MmapStatus FlushCore(long offset, long size)
    {
        if (size < 0 || offset < 0 || MappedLength - offset < size)
        {
            return MmapError.FlushOutOfRange;
        }

        if (Access is MapAccess.Read or MapAccess.Copy)
        {
            return MmapStatus.Ok;
        }

        if (_closed)
        {
            return UnmappedSyncStatus(offset, size);
        }

        return Libc.Msync((nint)(Address + offset), (nuint)size, Libc.MsSync) == 0
            ? MmapStatus.Ok
            : MmapStatus.FromErrno(Marshal.GetLastPInvokeError());
    }

    /// <summary>
    /// What CPython's flush() gets on a map closed while its arguments were converted: it does not check
    /// again and calls <c>msync(NULL + offset, size, MS_SYNC)</c>. The kernel's answer for an address
    /// range with nothing mapped is computed rather than asked for, so no system call ever names
    /// address 0: EINVAL for an address that is not page-aligned, success for an empty range, ENOMEM
    /// otherwise (msync(2), mm/msync.c).
    /// </summary>
    private static MmapStatus UnmappedSyncStatus(long offset, long size)
    {
        if (offset % PageSize != 0)
        {
            return MmapStatus.FromErrno(Libc.Einval);
        }

        return size == 0 ? MmapStatus.Ok : MmapStatus.FromErrno(Libc.Enomem);
    }

    /// <summary>
    /// Gives the kernel <paramref name="advice"/> about <c>[start, start + length)</c>, clipped to the
    /// map (Python's <c>madvise(option, start, length)</c>); the whole map when length is null.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="start"/> is not inside the map, or <paramref name="length"/> is negative or too large.</exception>
    /// <exception cref="MemoryMapException"><c>madvise</c> failed (an unknown advice, or a start that is not page-aligned: EINVAL).</exception>
    /// <exception cref="ObjectDisposedException">The map is closed.</exception>
    public void Advise(MemoryAdvice advice, long start = 0, long? length = null)
    {
        using Lease lease = AcquireLease();
        AdviseCore((int)advice, start, length ?? MappedLength).ThrowIfFailed();
    }

    internal MmapStatus AdviseCore(int advice, long start, long length)
    {
        long size = MappedLength;
        if (start < 0 || start >= size)
        {
            return MmapError.AdviseStartOutOfBounds;
        }

        if (length < 0)
        {
            return MmapError.AdviseLengthInvalid;
        }

        if (long.MaxValue - start < length)
        {
            return MmapError.AdviseLengthTooLarge;
        }

        if (start + length > size)
        {
            length = size - start;
        }

        if (_closed)
        {
            return MmapError.ClosedOrInvalid;
        }

        return Libc.Madvise((nint)(Address + start), (nuint)length, advice) == 0
            ? MmapStatus.Ok
            : MmapStatus.FromErrno(Marshal.GetLastPInvokeError());
    }

    /// <summary>Copies <paramref name="count"/> bytes from <paramref name="source"/> to <paramref name="destination"/>; the ranges may overlap (Python's <c>move()</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A range is not inside the map, or <paramref name="count"/> is negative.</exception>
    /// <exception cref="NotSupportedException">The map is read-only.</exception>
    /// <exception cref="ObjectDisposedException">The map is closed.</exception>
    public void Move(long destination, long source, long count)
    {
        using Lease lease = AcquireLease();
        // The rule is MoveCore's; this only names the argument that broke it.
        long size = MappedLength;
        string paramName = destination < 0 || destination > size ? nameof(destination) : source < 0 || source > size ? nameof(source) : nameof(count);
        MoveCore(destination, source, count).ThrowIfFailed(paramName);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)] // into the CPython face's move (one version bubble: src/ReadyToRun.targets)
    internal MmapStatus MoveCore(long destination, long source, long count)
    {
        if (Access == MapAccess.Read)
        {
            return MmapError.ReadOnly;
        }

        long size = MappedLength;
        if (destination < 0 || source < 0 || count < 0 || size - destination < count || size - source < count)
        {
            return MmapError.MoveOutOfRange;
        }

        if (_closed)
        {
            return MmapError.ClosedOrInvalid;
        }

        CopyIntoMap(Address + destination, Address + source, count);
        return MmapStatus.Ok;
    }

    /// <summary>
    /// Copies <paramref name="count"/> bytes into the map with the C library's memmove, as CPython does: it writes the
    /// same pages (Interop.Libc's MemmoveShort says why that matters for private maps).
    /// </summary>
    private static void CopyIntoMap(byte* destination, byte* source, long count)
    {
        if (count <= Libc.ShortCopy)
        {
            Libc.MemmoveShort(destination, source, (nuint)count);
        }
        else
        {
            Libc.Memmove(destination, source, (nuint)count);
        }
    }

    /// <summary>
    /// The byte at <paramref name="index"/>, counting from the end when negative (Python's <c>m[i]</c>).
    /// Setting it on a read-only map fails before the index is checked, as in CPython.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the map (from the end, when negative).</exception>
    /// <exception cref="NotSupportedException">Setting, on a read-only map.</exception>
    /// <exception cref="ObjectDisposedException">The map is closed.</exception>
    public byte this[long index]
    {
        get
        {
            using Lease lease = AcquireLease();
            GetByteCore(index, fromEnd: true, out byte value).ThrowIfFailed();
            return value;
        }

        set
        {
            using Lease lease = AcquireLease();
            MmapStatus status = CheckWritable();
            if (status.IsOk)
            {
                status = NormalizeIndex(index, out index);
            }

            if (status.IsOk)
            {
                status = SetByteCore(index, value);
            }

            status.ThrowIfFailed();
        }
    }

    /// <summary>
    /// The byte at <paramref name="index"/>; <paramref name="fromEnd"/> lets a negative index count
    /// from the end (the mapping protocol) rather than fail (the sequence protocol).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal MmapStatus GetByteCore(long index, bool fromEnd, out byte value)
    {
        value = 0;
        if (fromEnd && index < 0)
        {
            index += MappedLength;
        }

        if ((ulong)index >= (ulong)MappedLength)
        {
            return MmapError.IndexOutOfRange;
        }

        if (_closed)
        {
            return MmapError.ClosedOrInvalid;
        }

        value = Address[index];
        return MmapStatus.Ok;
    }

    /// <summary>Python's index rule for assignment: negative counts from the end, then it must be inside.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal MmapStatus NormalizeIndex(long index, out long normalized)
    {
        long size = MappedLength;
        normalized = index < 0 ? index + size : index;
        return (ulong)normalized < (ulong)size ? MmapStatus.Ok : MmapError.IndexOutOfRange;
    }

    /// <summary>
    /// Stores a byte at an index that <see cref="NormalizeIndex"/> accepted, checking again that the
    /// map is open and the index inside: Python code run in between (an <c>__index__</c>) may have
    /// closed or resized it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal MmapStatus SetByteCore(long index, byte value)
    {
        if (_closed)
        {
            return MmapError.ClosedOrInvalid;
        }

        if ((ulong)index >= (ulong)MappedLength)
        {
            return MmapError.IndexOutOfRange;
        }

        Address[index] = value;
        return MmapStatus.Ok;
    }

    /// <summary>The bytes of <c>m[start:stop:step]</c> (Python slice semantics).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is 0.</exception>
    /// <exception cref="ArgumentException">The slice exceeds <see cref="Array.MaxLength"/> bytes.</exception>
    /// <exception cref="ObjectDisposedException">The map is closed.</exception>
    public byte[] GetSlice(long start, long stop, long step = 1)
    {
        using Lease lease = AcquireLease();
        MmapStatus status = CheckValid();
        if (status.IsOk && step == 0)
        {
            status = MmapError.SliceStepZero;
        }

        status.ThrowIfFailed();
        long count = SliceIndices.Adjust(MappedLength, ref start, ref stop, step);
        if (count > Array.MaxLength)
        {
            throw new ArgumentException(TooLongForAnArray(count));
        }

        byte[] result = new byte[count];
        fixed (byte* destination = result)
        {
            CopySliceCore(start, step, count, destination).ThrowIfFailed();
        }

        return result;
    }

    /// <summary>
    /// Copies the <paramref name="count"/> bytes of an adjusted slice into <paramref name="destination"/>,
    /// after checking that the map is open and the slice inside it.
    /// </summary>
    internal MmapStatus CopySliceCore(long start, long step, long count, byte* destination)
    {
        MmapStatus status = CheckSlice(start, step, count);
        if (!status.IsOk)
        {
            return status;
        }

        byte* source = Address + start;
        if (step == 1)
        {
            Buffer.MemoryCopy(source, destination, count, count);
            return MmapStatus.Ok;
        }

        for (long i = 0; i < count; i++, source += step)
        {
            destination[i] = *source;
        }

        return MmapStatus.Ok;
    }

    // An adjusted slice is inside the map when its first and last items are. The map may have been
    // closed or resized since the slice was adjusted, by Python code run during argument conversion.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private MmapStatus CheckSlice(long start, long step, long count)
    {
        if (_closed)
        {
            return MmapError.ClosedOrInvalid;
        }

        if (count == 0)
        {
            return MmapStatus.Ok;
        }

        ulong size = (ulong)MappedLength;
        long last = start + (step * (count - 1));
        return (ulong)start < size && (ulong)last < size ? MmapStatus.Ok : MmapError.IndexOutOfRange;
    }

    /// <summary>Assigns <c>m[start:stop:step] = value</c>; the value must have exactly the slice's length.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is 0.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not as long as the slice.</exception>
    /// <exception cref="NotSupportedException">The map is read-only.</exception>
    /// <exception cref="ObjectDisposedException">The map is closed.</exception>
    public void SetSlice(long start, long stop, long step, ReadOnlySpan<byte> value)
    {
        using Lease lease = AcquireLease();
        MmapStatus status = CheckWritable();
        if (status.IsOk && step == 0)
        {
            status = MmapError.SliceStepZero;
        }

        status.ThrowIfFailed();
        long count = SliceIndices.Adjust(MappedLength, ref start, ref stop, step);
        fixed (byte* source = value)
        {
            StoreSliceCore(start, step, count, source, value.Length).ThrowIfFailed();
        }
    }

    /// <summary>Stores <paramref name="valueLength"/> bytes into an adjusted slice of <paramref name="count"/> items.</summary>
    internal MmapStatus StoreSliceCore(long start, long step, long count, byte* value, long valueLength)
    {
        if (valueLength != count)
        {
            return MmapError.SliceAssignmentWrongSize;
        }

        MmapStatus status = CheckSlice(start, step, count);
        if (!status.IsOk)
        {
            return status;
        }

        byte* destination = Address + start;
        if (step == 1)
        {
            CopyIntoMap(destination, value, count);
            return MmapStatus.Ok;
        }

        for (long i = 0; i < count; i++, destination += step)
        {
            *destination = value[i];
        }

        return MmapStatus.Ok;
    }

    /// <summary>
    /// Copies the bytes from <paramref name="offset"/> (at most to the end) into <paramref name="destination"/>,
    /// without using the position; returns how many were copied, 0 at the end.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="offset"/> is negative or past the end.</exception>
    /// <exception cref="ObjectDisposedException">The map is closed.</exception>
    public int ReadAt(long offset, Span<byte> destination)
    {
        using Lease lease = AcquireLease();
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(offset, MappedLength);
        return CopyFromMap(offset, destination);
    }

    /// <summary>
    /// Copies <paramref name="source"/> to <paramref name="offset"/>, without using the position; it must fit
    /// between there and the end.
    /// </summary>
    /// <remarks>Whatever its type, a failure that the data does not fit is <see cref="MmapError.DataOutOfRange"/> (Python's <c>write()</c> past the end).</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="offset"/> is negative or past the end.</exception>
    /// <exception cref="ArgumentException"><paramref name="source"/> does not fit between <paramref name="offset"/> and the end.</exception>
    /// <exception cref="NotSupportedException">The map is read-only.</exception>
    /// <exception cref="ObjectDisposedException">The map is closed.</exception>
    public void WriteAt(long offset, ReadOnlySpan<byte> source)
    {
        using Lease lease = AcquireLease();
        CheckWritable().ThrowIfFailed();
        long size = MappedLength;
        string dataOutOfRange = MmapErrors.MessageOf(MmapError.DataOutOfRange);
        if (offset < 0 || offset > size)
        {
            throw MmapErrors.Tag(new ArgumentOutOfRangeException(nameof(offset), offset, dataOutOfRange), MmapError.DataOutOfRange);
        }

        if (size - offset < source.Length)
        {
            throw MmapErrors.Tag(new ArgumentException(dataOutOfRange, nameof(source)), MmapError.DataOutOfRange);
        }

        CopyIntoMap(offset, source);
    }

    /// <summary>
    /// The stream's read: the bytes from <paramref name="offset"/> to at most the end, none from the end or
    /// past it. The caller holds the mapping in place (a lease) and has checked that the map is open.
    /// </summary>
    internal int CopyFromMap(long offset, Span<byte> destination)
    {
        long size = MappedLength;
        if (offset >= size)
        {
            return 0;
        }

        int count = (int)Math.Min(destination.Length, size - offset);
        new ReadOnlySpan<byte>(Address + offset, count).CopyTo(destination);
        return count;
    }

    /// <summary>Copies <paramref name="source"/> to <paramref name="offset"/>, which the caller has checked it fits at.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // into the CPython face's write (one version bubble: src/ReadyToRun.targets)
    internal void CopyIntoMap(long offset, ReadOnlySpan<byte> source)
    {
        fixed (byte* bytes = source)
        {
            CopyIntoMap(Address + offset, bytes, source.Length);
        }
    }

    // Bytes from the position to the end; none when a shrinking resize left the position past it.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private long Remaining(long position) => position < MappedLength ? MappedLength - position : 0;
}
