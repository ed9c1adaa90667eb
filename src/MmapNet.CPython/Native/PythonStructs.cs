using System.Runtime.InteropServices;

namespace MmapNet.CPython.Native;

// Layouts of the CPython structures the type and module are built from. They are identical from
// 3.9 to 3.13 on 64-bit builds with the GIL (the 16-byte PyObject header); free-threaded builds
// are not supported.

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

/// <summary>Numbers from CPython's headers (typeslots.h, object.h, methodobject.h, structmember.h).</summary>
internal static class PythonConstants
{
    public const int BfGetBuffer = 1;
    public const int BfReleaseBuffer = 2;
    public const int MpAssSubscript = 3;
    public const int MpLength = 4;
    public const int MpSubscript = 5;
    public const int SqAssItem = 39;
    public const int SqItem = 44;
    public const int SqLength = 45;
    public const int TpDealloc = 52;
    public const int TpDoc = 56;
    public const int TpGetAttro = 58;
    public const int TpMethods = 64;
    public const int TpNew = 65;
    public const int TpRepr = 66;
    public const int TpTraverse = 71;
    public const int TpMembers = 72;
    public const int TpGetSet = 73;

    public const uint TpFlagsImmutableType = 1u << 8;
    public const uint TpFlagsBaseType = 1u << 10;
    public const uint TpFlagsHaveGc = 1u << 14;

    public const int MethVarArgs = 0x0001;
    public const int MethNoArgs = 0x0004;
    public const int MethFastCall = 0x0080;

    public const int MemberTypeSsizeT = 19;
    public const int MemberReadOnly = 1;

    public const int PythonApiVersion = 1013;

    // moduleobject.h (3.12+): the Py_mod_multiple_interpreters slot and its "shares the GIL" value.
    public const int ModMultipleInterpreters = 3;
    public const nint ModMultipleInterpretersSupported = 1;
}
