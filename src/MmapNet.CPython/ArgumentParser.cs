using System;
using System.Runtime.CompilerServices;
using MmapNet.CPython.Abi;
using MmapNet.CPython.Native;
using static MmapNet.CPython.Native.PythonApi;

namespace MmapNet.CPython;

/// <summary>
/// Argument parsing that is exactly CPython's: the common, well-typed arguments (exact ints in range,
/// exact bytes) are decoded directly; anything else goes through CPython's own
/// <c>PyArg_ParseTuple</c> with the format string the stdlib uses, so every conversion (<c>__index__</c>,
/// buffers, bools) and every error message is the interpreter's own.
/// </summary>
internal static unsafe class ArgumentParser
{
    /// <summary>
    /// An exact int that fits a Py_ssize_t; false, with no error set, for anything else. Raises nothing on any
    /// path, so it needs no GC transition (see <see cref="PythonApi"/>): an int out of range is left to the slow path,
    /// which raises CPython's error with the transition.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryExactSsize(RunningInterpreter* interpreter, nint o, out nint value)
    {
        if (TypeOf(o) == interpreter->PyLong_Type)
        {
            return CompactInts.TryRead(o, interpreter->TaggedIntHeader, out value) || TryLongExactSsize(interpreter, o, out value);
        }

        value = 0;
        return false;
    }

    /// <summary>
    /// <c>_PyEval_SliceIndex</c> of an exact int: its value, clamped to the Py_ssize_t range. Raises nothing.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static nint ClampedSliceIndex(RunningInterpreter* interpreter, nint exactInt) =>
        CompactInts.TryRead(exactInt, interpreter->TaggedIntHeader, out nint value) ? value : ClampedLongSliceIndex(interpreter, exactInt);

    // The ints of two digits or more, through the C API: out of line, so that the compact case inlines.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool TryLongExactSsize(RunningInterpreter* interpreter, nint exactInt, out nint value)
    {
        int overflow;
        value = (nint)interpreter->FastPyLong_AsLongAndOverflow(exactInt, &overflow);
        return overflow == 0;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static nint ClampedLongSliceIndex(RunningInterpreter* interpreter, nint exactInt)
    {
        int overflow;
        nint value = (nint)interpreter->FastPyLong_AsLongAndOverflow(exactInt, &overflow);
        return overflow == 0 ? value : overflow > 0 ? nint.MaxValue : nint.MinValue;
    }

    /// <summary>
    /// Any object with <c>__index__</c>, converted as CPython's mmap converts an index that is not an exact
    /// int: <paramref name="notAnIndex"/> for an object without <c>__index__</c>, <paramref name="overflow"/>
    /// for a value past Py_ssize_t. False with the exception set. Out of line: its calls have a GC transition
    /// (see <see cref="OutOfLineApi"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static bool TryIndex(nint o, nint overflow, PythonOnlyError notAnIndex, out nint value)
    {
        if (PyIndex_Check(o) == 0)
        {
            PythonErrors.Raise(notAnIndex);
            value = 0;
            return false;
        }

        value = PyNumber_AsSsize_t(o, overflow);
        return value != -1 || PyErr_Occurred() == 0;
    }

    /// <summary>An exact int that fits a C int; false, with no error set, for anything else.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryExactInt(RunningInterpreter* interpreter, nint o, out int value)
    {
        if (TryExactSsize(interpreter, o, out nint wide) && wide is >= int.MinValue and <= int.MaxValue)
        {
            value = (int)wide;
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>The contents of an exact bytes object, borrowed from it; false for anything else.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryExactBytes(RunningInterpreter* interpreter, nint o, out byte* data, out nint length)
    {
        if (TypeOf(o) == interpreter->PyBytes_Type)
        {
            data = (byte*)(o + ObjectLayout.BytesData);
            length = *(nint*)(o + ObjectLayout.VarObjectSize);
            return true;
        }

        data = null;
        length = 0;
        return false;
    }

    /// <summary>The items of an argument tuple (<c>PyTupleObject.ob_item</c>) and their count.</summary>
    public static nint* TupleItems(nint tuple, out nint count)
    {
        count = *(nint*)(tuple + ObjectLayout.VarObjectSize);
        return (nint*)(tuple + ObjectLayout.TupleItems);
    }

    /// <summary>
    /// Parses the argument tuple with CPython's <c>PyArg_ParseTuple</c> and
    /// <paramref name="formatWithNul"/>; the outputs are written where the format says. False with the
    /// interpreter's exception set when the arguments are refused. Out of line: its call has a GC transition
    /// (see <see cref="OutOfLineApi"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static bool ParseWithCPython(nint tuple, ReadOnlySpan<byte> formatWithNul, void* output1 = null, void* output2 = null, void* output3 = null, void* output4 = null)
    {
        fixed (byte* format = formatWithNul)
        {
            return PyArg_ParseTuple(tuple, format, output1, output2, output3, output4) != 0;
        }
    }
}
