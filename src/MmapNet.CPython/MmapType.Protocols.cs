using System.Runtime.CompilerServices;
using MmapNet.CPython.Abi;
using MmapNet.CPython.Native;
using static MmapNet.CPython.Native.PythonApi;

namespace MmapNet.CPython;

// The mapping, sequence and buffer protocols, as Modules/mmapmodule.c defines them: m[i] is an int,
// m[i:j:k] is bytes, and iteration and `in` go through sq_item, which yields 1-byte bytes.
internal static unsafe partial class MmapType
{
    // Copies up to this size are short enough to make without a GC-mode transition (see PythonApi).
    private const int ShortCopy = 4096;

    /// <summary><c>len(m)</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static MmapStatus Length(nint self, out nint length)
    {
        MemoryMap map = MmapObject.MapOf(self);
        length = (nint)map.MappedLength;
        return map.IsClosed ? MmapError.ClosedOrInvalid : MmapStatus.Ok;
    }

    /// <summary><c>m[key]</c>: an int for an index, bytes for a slice.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static nint Subscript(nint self, nint key)
    {
        MemoryMap map = MmapObject.MapOf(self);
        if (map.IsClosed)
        {
            return PythonErrors.Raise(MmapError.ClosedOrInvalid);
        }

        RunningInterpreter* interpreter = RunningInterpreter.Of(self);
        if (TypeOf(key) == interpreter->PySlice_Type)
        {
            return GetSlice(interpreter, map, key);
        }

        if (!ArgumentParser.TryExactSsize(interpreter, key, out nint index)
            && !ArgumentParser.TryIndex(key, PyExc_IndexError, PythonOnlyError.IndicesMustBeIntegers, out index))
        {
            return 0;
        }

        MmapStatus status = map.GetByteCore(index, fromEnd: true, out byte value);
        return status.IsOk ? interpreter->FastPyLong_FromSsize_t(value) : PythonErrors.Raise(status);
    }

    private static nint GetSlice(RunningInterpreter* interpreter, MemoryMap map, nint slice)
    {
        if (!UnpackSlice(interpreter, slice, out nint start, out nint stop, out nint step))
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
                ? interpreter->FastPyBytes_FromStringAndSize(source, (nint)count)
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
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool UnpackSlice(RunningInterpreter* interpreter, nint slice, out nint start, out nint stop, out nint step)
    {
        nint startMember = *(nint*)(slice + ObjectLayout.SliceStart);
        nint stopMember = *(nint*)(slice + ObjectLayout.SliceStop);
        nint stepMember = *(nint*)(slice + ObjectLayout.SliceStep);
        if (IsPlainSliceMember(interpreter, startMember) && IsPlainSliceMember(interpreter, stopMember) && IsPlainSliceMember(interpreter, stepMember))
        {
            step = stepMember == interpreter->Py_None ? 1 : ArgumentParser.ClampedSliceIndex(interpreter, stepMember);
            if (step != 0)
            {
                if (step < -nint.MaxValue)
                {
                    step = -nint.MaxValue;
                }

                start = startMember == interpreter->Py_None ? (step < 0 ? nint.MaxValue : 0) : ArgumentParser.ClampedSliceIndex(interpreter, startMember);
                stop = stopMember == interpreter->Py_None ? (step < 0 ? nint.MinValue : nint.MaxValue) : ArgumentParser.ClampedSliceIndex(interpreter, stopMember);
                return true;
            }
        }

        SliceBounds bounds = UnpackSliceWithCPython(slice);
        start = bounds.Start;
        stop = bounds.Stop;
        step = bounds.Step;
        return bounds.Unpacked;
    }

    /// <summary>
    /// <c>PySlice_Unpack</c> itself, out of line and returning its results by value: the addresses it is given are of
    /// this method's locals, so the inlined fast path above keeps its bounds in registers, with no stack slots to
    /// zero at every slice.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static SliceBounds UnpackSliceWithCPython(nint slice)
    {
        nint start, stop, step;
        bool unpacked = OutOfLineApi.PySlice_Unpack(slice, &start, &stop, &step) >= 0;
        return new SliceBounds(start, stop, step, unpacked);
    }

    private readonly record struct SliceBounds(nint Start, nint Stop, nint Step, bool Unpacked);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsPlainSliceMember(RunningInterpreter* interpreter, nint member) => member == interpreter->Py_None || TypeOf(member) == interpreter->PyLong_Type;

    /// <summary><c>m[key] = value</c> and <c>del m[key]</c>, with CPython's order of checks.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int AssignSubscript(nint self, nint key, nint value)
    {
        MemoryMap map = MmapObject.MapOf(self);
        MmapStatus status = map.CheckWritable();
        if (!status.IsOk)
        {
            return PythonErrors.RaiseInt(status);
        }

        RunningInterpreter* interpreter = RunningInterpreter.Of(self);
        if (TypeOf(key) == interpreter->PySlice_Type)
        {
            return AssignSlice(interpreter, map, key, value);
        }

        if (!ArgumentParser.TryExactSsize(interpreter, key, out nint index)
            && !ArgumentParser.TryIndex(key, PyExc_IndexError, PythonOnlyError.AssignmentIndicesMustBeInteger, out index))
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
            return PythonErrors.RaiseInt(PythonOnlyError.ItemDeletion);
        }

        if (!ArgumentParser.TryExactSsize(interpreter, value, out nint byteValue)
            && !ArgumentParser.TryIndex(value, PyExc_TypeError, PythonOnlyError.ItemValueMustBeInt, out byteValue))
        {
            return -1;
        }

        if (byteValue is < 0 or > 255)
        {
            return PythonErrors.RaiseInt(PythonOnlyError.ItemValueOutOfRange);
        }

        status = map.SetByteCore(position, (byte)byteValue);
        return status.IsOk ? 0 : PythonErrors.RaiseInt(status);
    }

    private static int AssignSlice(RunningInterpreter* interpreter, MemoryMap map, nint slice, nint value)
    {
        if (!UnpackSlice(interpreter, slice, out nint start, out nint stop, out nint step))
        {
            return -1;
        }

        long first = start;
        long last = stop;
        long count = SliceIndices.Adjust(map.MappedLength, ref first, ref last, step);
        if (value == 0)
        {
            return PythonErrors.RaiseInt(PythonOnlyError.SliceDeletion);
        }

        MmapStatus status;
        if (ArgumentParser.TryExactBytes(interpreter, value, out byte* data, out nint length))
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
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static MmapStatus SequenceItem(nint self, nint index, out byte value)
    {
        // CPython's mmap_item checks that the map is open before the index (GetByteCore checks after).
        MemoryMap map = MmapObject.MapOf(self);
        if (map.IsClosed)
        {
            value = 0;
            return MmapError.ClosedOrInvalid;
        }

        return map.GetByteCore(index, fromEnd: false, out value);
    }

    /// <summary>sq_ass_item: takes a 1-byte bytes; here the writability check comes last, as in CPython.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int AssignSequenceItem(nint self, nint index, nint value)
    {
        MemoryMap map = MmapObject.MapOf(self);
        MmapStatus status = map.CheckValid();
        if (status.IsOk && (ulong)index >= (ulong)map.MappedLength)
        {
            status = MmapError.IndexOutOfRange;
        }

        if (!status.IsOk)
        {
            return PythonErrors.RaiseInt(status);
        }

        if (value == 0)
        {
            return PythonErrors.RaiseInt(PythonOnlyError.SequenceItemDeletion);
        }

        if (!IsSingleByte(value))
        {
            return PythonErrors.RaiseInt(PythonOnlyError.ItemAssignmentMustBeOneByte);
        }

        status = map.CheckWritable();

        if (status.IsOk)
        {
            status = map.SetByteCore(index, *(byte*)(value + ObjectLayout.BytesData));
        }

        return status.IsOk ? 0 : PythonErrors.RaiseInt(status);
    }

    private static bool IsSingleByte(nint value) =>
        (*(ulong*)(TypeOf(value) + ObjectLayout.TypeFlags) & AbiFlags.TypeBytesSubclass) != 0 && *(nint*)(value + ObjectLayout.VarObjectSize) == 1;

    /// <summary>The buffer protocol: the mapped bytes themselves, read-only for ACCESS_READ; counts an export.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int GetBuffer(nint self, PyBuffer* view, int flags)
    {
        MemoryMap map = MmapObject.MapOf(self);
        if (map.IsClosed)
        {
            return PythonErrors.RaiseInt(MmapError.ClosedOrInvalid);
        }

        int readOnly = map.Access == MapAccess.Read ? 1 : 0;
        if (RunningInterpreter.Of(self)->FillBufferInfo(view, self, map.Address, (nint)map.MappedLength, readOnly, flags) < 0)
        {
            return -1;
        }

        map.AddExport();
        return 0;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ReleaseBuffer(nint self, PyBuffer* view) => MmapObject.MapOf(self).RemoveExport();
}
