using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using MmapNet.CPython.Native;
using static MmapNet.CPython.Native.PythonApi;

namespace MmapNet.CPython;

// The mapping, sequence and buffer protocols, as Modules/mmapmodule.c defines them: m[i] is an int,
// m[i:j:k] is bytes, and iteration and `in` go through sq_item, which yields 1-byte bytes.
internal static unsafe partial class MmapType
{
    private const int SliceStartOffset = 16;
    private const int SliceStopOffset = 24;
    private const int SliceStepOffset = 32;
    private const int BytesSizeOffset = 16;
    private const int BytesDataOffset = 32;
    private const ulong TpFlagsBytesSubclass = 1UL << 27;
    private const int TypeFlagsOffset = 168;

    // Copies up to this size are short enough to run without a GC-mode transition.
    private const int ShortCopy = 4096;

    /// <summary><c>len(m)</c>: no C-API call on the way to the result, so the work needs no out-of-line twin.</summary>
    [UnmanagedCallersOnly]
    private static nint Length(nint self)
    {
        try
        {
            MemoryMap map = MmapObject.MapOf(self);
            return map.IsClosed ? PythonErrors.RaiseInt(MmapError.ClosedOrInvalid) : (nint)map.MappedLength;
        }
        catch (Exception exception)
        {
            return PythonErrors.RaiseUnexpectedInt(exception);
        }
    }

    /// <summary><c>m[key]</c>: an int for an index, bytes for a slice.</summary>
    [UnmanagedCallersOnly]
    private static nint Subscript(nint self, nint key)
    {
        try
        {
            return SubscriptUnguarded(self, key);
        }
        catch (Exception exception)
        {
            return PythonErrors.RaiseUnexpected(exception);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static nint SubscriptUnguarded(nint self, nint key)
    {
        MemoryMap map = MmapObject.MapOf(self);
        if (map.IsClosed)
        {
            return PythonErrors.Raise(MmapError.ClosedOrInvalid);
        }

        nint keyType = TypeOf(key);
        if (keyType == PySlice_Type)
        {
            return GetSlice(map, key);
        }

        if (!ArgumentParser.TryExactSsize(key, out nint index)
            && !ArgumentParser.TryIndex(key, PyExc_IndexError, MmapError.IndicesMustBeIntegers, out index))
        {
            return 0;
        }

        MmapStatus status = map.GetByteCore(index, fromEnd: true, out byte value);
        return status.IsOk ? FastPyLong_FromSsize_t(value) : PythonErrors.Raise(status);
    }

    private static nint GetSlice(MemoryMap map, nint slice)
    {
        if (!UnpackSlice(slice, out nint start, out nint stop, out nint step))
        {
            return 0;
        }

        if (map.IsClosed)
        {
            return PythonErrors.Raise(MmapError.ClosedOrInvalid);
        }

        long first = start;
        long last = stop;
        long count = SliceIndices.Adjust(map.MappedLength, ref first, ref last, step);
        if (step == 1)
        {
            byte* source = map.Address + first;
            return count <= ShortCopy
                ? FastPyBytes_FromStringAndSize(source, (nint)count)
                : OutOfLineApi.PyBytes_FromStringAndSize(source, (nint)count);
        }

        nint result = OutOfLineApi.PyBytes_FromStringAndSize(null, (nint)count);
        if (result == 0)
        {
            return 0;
        }

        MmapStatus status = map.CopySliceCore(first, step, count, OutOfLineApi.PyBytes_AsString(result));
        if (!status.IsOk)
        {
            OutOfLineApi.Py_DecRef(result);
            return PythonErrors.Raise(status);
        }

        return result;
    }

    /// <summary>
    /// <c>PySlice_Unpack</c>. When start, stop and step are None or exact ints and step is not 0, nothing can run
    /// Python code or raise, and the unpacking is done here without a GC transition, as CPython does it: None gives
    /// the default for the step's direction, an int past Py_ssize_t is clamped, a step of -2**63 becomes -(2**63 - 1).
    /// Anything else (an <c>__index__</c>, a zero step) goes to CPython's own, with the transition.
    /// </summary>
    private static bool UnpackSlice(nint slice, out nint start, out nint stop, out nint step)
    {
        nint startMember = *(nint*)(slice + SliceStartOffset);
        nint stopMember = *(nint*)(slice + SliceStopOffset);
        nint stepMember = *(nint*)(slice + SliceStepOffset);
        if (IsPlainSliceMember(startMember) && IsPlainSliceMember(stopMember) && IsPlainSliceMember(stepMember))
        {
            step = stepMember == Py_None ? 1 : ArgumentParser.ClampedSliceIndex(stepMember);
            if (step != 0)
            {
                if (step < -nint.MaxValue)
                {
                    step = -nint.MaxValue;
                }

                start = startMember == Py_None ? (step < 0 ? nint.MaxValue : 0) : ArgumentParser.ClampedSliceIndex(startMember);
                stop = stopMember == Py_None ? (step < 0 ? nint.MinValue : nint.MaxValue) : ArgumentParser.ClampedSliceIndex(stopMember);
                return true;
            }
        }

        nint a, b, c;
        int result = OutOfLineApi.PySlice_Unpack(slice, &a, &b, &c);
        start = a;
        stop = b;
        step = c;
        return result >= 0;
    }

    private static bool IsPlainSliceMember(nint member) => member == Py_None || TypeOf(member) == PyLong_Type;

    /// <summary><c>m[key] = value</c> and <c>del m[key]</c>, with CPython's order of checks.</summary>
    [UnmanagedCallersOnly]
    private static int AssignSubscript(nint self, nint key, nint value)
    {
        try
        {
            return AssignSubscriptUnguarded(self, key, value);
        }
        catch (Exception exception)
        {
            return PythonErrors.RaiseUnexpectedInt(exception);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int AssignSubscriptUnguarded(nint self, nint key, nint value)
    {
        MemoryMap map = MmapObject.MapOf(self);
        MmapStatus status = map.CheckWritable();
        if (!status.IsOk)
        {
            return PythonErrors.RaiseInt(status);
        }

        if (TypeOf(key) == PySlice_Type)
        {
            return AssignSlice(map, key, value);
        }

        if (!ArgumentParser.TryExactSsize(key, out nint index)
            && !ArgumentParser.TryIndex(key, PyExc_IndexError, MmapError.AssignmentIndicesMustBeInteger, out index))
        {
            return -1;
        }

        status = map.NormalizeIndex(index, out long position);
        if (!status.IsOk)
        {
            return PythonErrors.RaiseInt(status);
        }

        if (value == 0)
        {
            return PythonErrors.RaiseInt(MmapError.ItemDeletion);
        }

        if (!ArgumentParser.TryExactSsize(value, out nint byteValue)
            && !ArgumentParser.TryIndex(value, PyExc_TypeError, MmapError.ItemValueMustBeInt, out byteValue))
        {
            return -1;
        }

        if (byteValue is < 0 or > 255)
        {
            return PythonErrors.RaiseInt(MmapError.ItemValueOutOfRange);
        }

        status = map.SetByteCore(position, (byte)byteValue);
        return status.IsOk ? 0 : PythonErrors.RaiseInt(status);
    }

    private static int AssignSlice(MemoryMap map, nint slice, nint value)
    {
        if (!UnpackSlice(slice, out nint start, out nint stop, out nint step))
        {
            return -1;
        }

        long first = start;
        long last = stop;
        long count = SliceIndices.Adjust(map.MappedLength, ref first, ref last, step);
        if (value == 0)
        {
            return PythonErrors.RaiseInt(MmapError.SliceDeletion);
        }

        MmapStatus status;
        if (ArgumentParser.TryExactBytes(value, out byte* data, out nint length))
        {
            status = map.StoreSliceCore(first, step, count, data, length);
            return status.IsOk ? 0 : PythonErrors.RaiseInt(status);
        }

        PyBuffer buffer;
        if (OutOfLineApi.PyObject_GetBuffer(value, &buffer, 0) < 0)
        {
            return -1;
        }

        status = map.StoreSliceCore(first, step, count, buffer.Buf, buffer.Len);
        OutOfLineApi.PyBuffer_Release(&buffer);
        return status.IsOk ? 0 : PythonErrors.RaiseInt(status);
    }

    /// <summary>sq_item: what iteration and <c>in</c> use; a 1-byte bytes, and no counting from the end.</summary>
    [UnmanagedCallersOnly]
    private static nint SequenceItem(nint self, nint index)
    {
        byte value;
        try
        {
            // CPython's mmap_item checks that the map is open before the index (GetByteCore checks after).
            MemoryMap map = MmapObject.MapOf(self);
            if (map.IsClosed)
            {
                return PythonErrors.Raise(MmapError.ClosedOrInvalid);
            }

            MmapStatus status = map.GetByteCore(index, fromEnd: false, out value);
            if (!status.IsOk)
            {
                return PythonErrors.Raise(status);
            }
        }
        catch (Exception exception)
        {
            return PythonErrors.RaiseUnexpected(exception);
        }

        return FastPyBytes_FromStringAndSize(&value, 1);
    }

    /// <summary>sq_ass_item: takes a 1-byte bytes; here the writability check comes last, as in CPython.</summary>
    [UnmanagedCallersOnly]
    private static int AssignSequenceItem(nint self, nint index, nint value)
    {
        try
        {
            return AssignSequenceItemUnguarded(self, index, value);
        }
        catch (Exception exception)
        {
            return PythonErrors.RaiseUnexpectedInt(exception);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int AssignSequenceItemUnguarded(nint self, nint index, nint value)
    {
        MemoryMap map = MmapObject.MapOf(self);
        MmapStatus status = map.CheckValid();
        if (status.IsOk && (ulong)index >= (ulong)map.MappedLength)
        {
            status = MmapError.IndexOutOfRange;
        }

        if (status.IsOk && value == 0)
        {
            status = MmapError.SequenceItemDeletion;
        }

        if (status.IsOk && !IsSingleByte(value))
        {
            status = MmapError.ItemAssignmentMustBeOneByte;
        }

        if (status.IsOk)
        {
            status = map.CheckWritable();
        }

        if (status.IsOk)
        {
            status = map.SetByteCore(index, *(byte*)(value + BytesDataOffset));
        }

        return status.IsOk ? 0 : PythonErrors.RaiseInt(status);
    }

    private static bool IsSingleByte(nint value) =>
        (*(ulong*)(TypeOf(value) + TypeFlagsOffset) & TpFlagsBytesSubclass) != 0 && *(nint*)(value + BytesSizeOffset) == 1;

    /// <summary>The buffer protocol: the mapped bytes themselves, read-only for ACCESS_READ; counts an export.</summary>
    [UnmanagedCallersOnly]
    private static int GetBuffer(nint self, PyBuffer* view, int flags)
    {
        try
        {
            return GetBufferUnguarded(self, view, flags);
        }
        catch (Exception exception)
        {
            return PythonErrors.RaiseUnexpectedInt(exception);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int GetBufferUnguarded(nint self, PyBuffer* view, int flags)
    {
        MemoryMap map = MmapObject.MapOf(self);
        if (map.IsClosed)
        {
            return PythonErrors.RaiseInt(MmapError.ClosedOrInvalid);
        }

        if (PyBuffer_FillInfo(view, self, map.Address, (nint)map.MappedLength, map.Access == MapAccess.Read ? 1 : 0, flags) < 0)
        {
            return -1;
        }

        map.AddExport();
        return 0;
    }

    [UnmanagedCallersOnly]
    private static void ReleaseBuffer(nint self, PyBuffer* view)
    {
        try
        {
            MmapObject.MapOf(self).RemoveExport();
        }
        catch (Exception exception)
        {
            Environment.FailFast("MmapNet: failure while releasing a buffer", exception);
        }
    }
}
