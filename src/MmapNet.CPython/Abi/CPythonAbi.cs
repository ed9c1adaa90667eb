using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MmapNet.CPython.Abi;

// CPython's binary interface, as far as mmapnet relies on it: the only file with object offsets, slot ids and flag
// values. They hold for every supported CPython (Directory.Build.props) as built by default on 64-bit Linux (the GIL, no Py_TRACE_REFS), and every
// one that mmapnet reads straight from memory is checked against the running interpreter at import (AbiSelfCheck), so
// an interpreter built otherwise is refused with an ImportError rather than misread.

/// <summary>Byte offsets inside CPython's objects, from the headers of every supported version (Include/cpython/*.h).</summary>
internal static class ObjectLayout
{
    /// <summary><c>PyObject.ob_type</c>, after the 8-byte reference count (<c>ob_refcnt</c>, never touched directly).</summary>
    public const int ObjectType = 8;

    /// <summary><c>PyVarObject.ob_size</c>: the item count of bytes and tuples.</summary>
    public const int VarObjectSize = 16;

    /// <summary><c>PyBytesObject.ob_sval</c>: the bytes, after the size and the cached hash.</summary>
    public const int BytesData = 32;

    /// <summary><c>PyTupleObject.ob_item</c>.</summary>
    public const int TupleItems = 24;

    /// <summary><c>PySliceObject</c>'s start, stop and step.</summary>
    public const int SliceStart = 16;

    public const int SliceStop = 24;

    public const int SliceStep = 32;

    /// <summary><c>PyTypeObject.tp_name</c>.</summary>
    public const int TypeName = 24;

    /// <summary><c>PyTypeObject.tp_flags</c>.</summary>
    public const int TypeFlags = 168;

    /// <summary>The size of the object header that a heap type's instance layout starts with (two words).</summary>
    public const int ObjectHeaderSize = 16;

    /// <summary>
    /// <c>PyLongObject</c>'s word after <c>ob_type</c>: <c>ob_size</c> (the digit count, negative for a negative int) up
    /// to 3.11; from 3.12 <c>long_value.lv_tag</c> (the digit count shifted left by 3, or-ed with the sign: 0 positive,
    /// 1 zero, 2 negative).
    /// </summary>
    public const int LongHeader = 16;

    /// <summary><c>PyLongObject</c>'s first 30-bit digit, in a 32-bit word.</summary>
    public const int LongDigits = 24;
}

/// <summary>
/// The value of an exact int of at most one digit (|value| &lt; 2**30: nearly every index, count and offset), read
/// straight from the object, with no call into CPython; longer ints are left to the C API. The layout is chosen from
/// the running version at import and checked there against real ints (AbiSelfCheck).
/// </summary>
internal static unsafe class CompactInts
{
    private const nint TaggedSignMask = 3;
    private const nuint TaggedTwoDigits = 2 << 3;

    /// <summary>
    /// The value of <paramref name="exactInt"/> (an object whose type is exactly int) when it has one digit or none;
    /// <paramref name="taggedHeader"/> is <see cref="Native.RunningInterpreter.TaggedIntHeader"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryRead(nint exactInt, bool taggedHeader, out nint value)
    {
        nint header = *(nint*)(exactInt + ObjectLayout.LongHeader);
        if (taggedHeader)
        {
            if ((nuint)header < TaggedTwoDigits)
            {
                // Every int has room for one digit from 3.12 on (zero's is 0): sign 0 gives +digit, 1 zero, 2 -digit.
                value = (1 - (header & TaggedSignMask)) * (nint)(*(uint*)(exactInt + ObjectLayout.LongDigits));
                return true;
            }
        }
        else if ((nuint)(header + 1) <= 2)
        {
            // ob_size -1, 0 or 1; zero may have no digit at all up to 3.11, so its digit is never read.
            value = header == 0 ? 0 : header * (nint)(*(uint*)(exactInt + ObjectLayout.LongDigits));
            return true;
        }

        value = 0;
        return false;
    }
}

/// <summary>Slot ids of <c>PyType_Slot</c> (Include/typeslots.h, the same in every version).</summary>
internal static class TypeSlotIds
{
    public const int GetBuffer = 1;
    public const int ReleaseBuffer = 2;
    public const int MappingAssignSubscript = 3;
    public const int MappingLength = 4;
    public const int MappingSubscript = 5;
    public const int SequenceAssignItem = 39;
    public const int SequenceItem = 44;
    public const int SequenceLength = 45;
    public const int Alloc = 47;
    public const int Dealloc = 52;
    public const int Doc = 56;
    public const int GetAttro = 58;
    public const int Methods = 64;
    public const int New = 65;
    public const int Repr = 66;
    public const int Traverse = 71;
    public const int Members = 72;
    public const int GetSet = 73;
    public const int Free = 74;
}

/// <summary>Flag values of types, methods and members (Include/object.h, methodobject.h, descrobject.h).</summary>
internal static class AbiFlags
{
    public const uint TypeImmutable = 1u << 8;
    public const uint TypeBaseType = 1u << 10;
    public const uint TypeHaveGc = 1u << 14;
    public const ulong TypeBytesSubclass = 1UL << 27;

    public const int MethodVarArgs = 0x0001;
    public const int MethodNoArgs = 0x0004;

    public const int MemberSsizeT = 19;
    public const int MemberReadOnly = 1;

    /// <summary><c>PyBUF_WRITABLE</c>, and <c>PyBUF_READ</c> and <c>PyBUF_WRITE</c> (which a buffer request must not be).</summary>
    public const int BufferWritable = 0x0001;
    public const int BufferReadOrWrite = 0x0100 | 0x0200;
}

/// <summary>Module-definition constants (Include/moduleobject.h, modsupport.h).</summary>
internal static class ModuleAbi
{
    /// <summary>The API version every PyModule_Create2 and PyModule_FromDefAndSpec2 call passes (1013 since 3.x).</summary>
    public const int ApiVersion = 1013;

    /// <summary>3.12+: the <c>Py_mod_multiple_interpreters</c> slot and its "supports interpreters that share the GIL" value.</summary>
    public const int MultipleInterpretersSlot = 3;

    public const nint MultipleInterpretersSupported = 1;
}

/// <summary><c>PyType_Slot</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PyTypeSlot
{
    public int Slot;
    public void* Function;
}

/// <summary><c>PyType_Spec</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PyTypeSpec
{
    public byte* Name;
    public int BasicSize;
    public int ItemSize;
    public uint Flags;
    public PyTypeSlot* Slots;
}

/// <summary><c>PyMethodDef</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PyMethodDef
{
    public byte* Name;
    public void* Method;
    public int Flags;
    public byte* Doc;
}

/// <summary><c>PyMemberDef</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PyMemberDef
{
    public byte* Name;
    public int Type;
    public nint Offset;
    public int Flags;
    public byte* Doc;
}

/// <summary><c>PyGetSetDef</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PyGetSetDef
{
    public byte* Name;
    public void* Get;
    public void* Set;
    public byte* Doc;
    public void* Closure;
}

/// <summary><c>Py_buffer</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PyBuffer
{
    public byte* Buf;
    public nint Obj;
    public nint Len;
    public nint ItemSize;
    public int ReadOnly;
    public int NDim;
    public byte* Format;
    public nint* Shape;
    public nint* Strides;
    public nint* SubOffsets;
    public void* Internal;
}

/// <summary><c>PyModuleDef</c>, with its <c>PyModuleDef_Base</c> header spelled out.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PyModuleDef
{
    public nint RefCount;
    public nint Type;
    public void* Init;
    public nint Index;
    public nint Copy;
    public byte* Name;
    public byte* Doc;
    public nint Size;
    public PyMethodDef* Methods;
    public void* Slots;
    public void* Traverse;
    public void* Clear;
    public void* Free;
}

/// <summary><c>PyModuleDef_Slot</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PyModuleDefSlot
{
    public int Slot;
    public void* Value;
}
