using System;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

using MmapNet.CPython.Abi;

namespace MmapNet.CPython.Native;

/// <summary>
/// The one table of the CPython C API this project calls: function pointers and data resolved by
/// name from the running process, whichever way libpython got there (a python3 executable, static or
/// with a shared libpython, or pythonnet's dlopen). Names are the C names.
/// </summary>
/// <remarks>
/// <para>
/// The <c>Fast*</c> entries skip the GC-mode transition (<c>SuppressGCTransition</c>): the thread stays in the
/// runtime's cooperative mode during the call. Any callback into .NET made then (CPython's cyclic collector calling
/// the type's <c>tp_traverse</c> or <c>tp_dealloc</c>, a <c>__del__</c> or weakref callback calling an mmapnet
/// method) is a reverse P/Invoke from cooperative mode, which the runtime answers by aborting the process ("attempted
/// to call a UnmanagedCallersOnly method from managed code"), or, when the callback waits for another thread, by a
/// deadlock. So a call goes without a transition only when it can never run Python code, never raise, and never
/// start a collection:
/// </para>
/// <list type="bullet">
/// <item><c>Py_IncRef</c>, <c>PyBool_FromLong</c>: no allocation, no failure. <c>Py_IsFinalizing</c>: reads a
/// field of the runtime.</item>
/// <item><c>PyLong_AsLongAndOverflow</c> on an exact int (the callers check the type first): an overflow is reported
/// through its out argument, not raised (<c>PyLong_AsSsize_t</c> raises OverflowError, and on 3.10 and 3.11 raising
/// inside an <c>except</c> block creates the exception object at once: a tracked allocation, which can start a
/// collection).</item>
/// <item><c>PyBuffer_FillInfo</c> when its arguments are ones it accepts (a view, no <c>PyBUF_READ</c> or
/// <c>PyBUF_WRITE</c> request, no writable request of a read-only map; the caller checks): it then only fills the view
/// and takes a reference to the exporter.</item>
/// <item><c>PyLong_FromSsize_t</c>, <c>PyBytes_FromStringAndSize</c>: they allocate ints and bytes, which the cyclic
/// collector does not track, so the allocation never starts a collection (only tracked allocations count towards
/// it). Their one failure, MemoryError, takes its instance from the interpreter's free list of preallocated
/// MemoryErrors.</item>
/// </list>
/// <para>Everything else, and any call that may convert an object with <c>__index__</c> or <c>__buffer__</c>,
/// release a reference or set an exception, keeps the transition.</para>
/// </remarks>
[SuppressMessage("Naming", "CA1707", Justification = "The members are named exactly as the C API functions they point to.")]
[SuppressMessage("Style", "IDE1006", Justification = "The members are named exactly as the C API functions they point to.")]
internal static unsafe class PythonApi
{
    public static delegate* unmanaged<nint, void> Py_IncRef;
    public static delegate* unmanaged<nint, void> Py_DecRef;
    public static delegate* unmanaged<byte*> Py_GetVersion;

    public static delegate* unmanaged<PyTypeSpec*, nint> PyType_FromSpec;
    public static delegate* unmanaged<nint, int, void*> PyType_GetSlot;
    public static delegate* unmanaged<nint, void> PyObject_GC_UnTrack;
    public static delegate* unmanaged<nint, void> PyObject_ClearWeakRefs;
    public static void* PyObject_GenericGetAttr;
    public static void* PyType_GenericNew;

    public static delegate* unmanaged<nint, nint> PyLong_FromSsize_t;
    public static delegate* unmanaged<nint, nint> PyLong_AsSsize_t;
    public static delegate* unmanaged<nint, nint, nint> PyNumber_AsSsize_t;
    public static delegate* unmanaged<nint, int> PyIndex_Check;
    public static delegate* unmanaged<nint, nint*, nint*, nint*, int> PySlice_Unpack;
    public static delegate* unmanaged<byte*, nint, nint> PyBytes_FromStringAndSize;
    public static delegate* unmanaged<nint, byte*> PyBytes_AsString;
    public static delegate* unmanaged<byte*, nint, nint> PyUnicode_FromStringAndSize;
    public static delegate* unmanaged<byte*, nint, byte*, nint> PyUnicode_DecodeUTF8;

    public static delegate* unmanaged<nint, byte*, void> PyErr_SetString;
    public static delegate* unmanaged<nint, nint, void> PyErr_SetObject;
    public static delegate* unmanaged<nint> PyErr_Occurred;
    public static delegate* unmanaged<void> PyErr_Clear;
    public static delegate* unmanaged<nint> PyErr_NoMemory;
    public static delegate* unmanaged<int> PyErr_CheckSignals;

    public static delegate* unmanaged<nint, PyBuffer*, int, int> PyObject_GetBuffer;
    public static delegate* unmanaged<PyBuffer*, void> PyBuffer_Release;
    public static delegate* unmanaged<PyBuffer*, nint, void*, nint, int, int, int> PyBuffer_FillInfo;

    public static delegate* unmanaged<nint, nint, nint, nint> PyObject_Call;
    public static delegate* unmanaged<byte*, nint> PySys_GetObject;
    public static delegate* unmanaged<nint, nint> PyUnicode_AsUTF8;
    public static delegate* unmanaged<nint, ulong> PyType_GetFlags;
    public static delegate* unmanaged<nint, nint, nint, nint> PySlice_New;
    public static delegate* unmanaged<nint, byte*, nint> PyObject_GetAttrString;
    public static delegate* unmanaged<nint, nint, nint> PyObject_CallObject;
    public static delegate* unmanaged<nint, nint> PyTuple_New;
    public static delegate* unmanaged<nint, nint, nint, int> PyTuple_SetItem;

    // Variadic in C. On SysV x86-64 and Linux AArch64, pointer and integer arguments after the fixed
    // ones are passed exactly as fixed arguments, so one fixed signature with room for the most
    // arguments any format here takes serves every call; the parser reads only what its format names.
    public static delegate* unmanaged<nint, byte*, void*, void*, void*, void*, int> PyArg_ParseTuple;
    public static delegate* unmanaged<nint, nint, byte*, byte**, void*, void*, void*, void*, void*, void*, void*, int> PyArg_ParseTupleAndKeywords;
    public static delegate* unmanaged<byte*, byte*, int, nint, int, long, int> PySys_Audit;
    public static void* _Py_convert_optional_to_ssize_t;

    public static delegate* unmanaged<PyModuleDef*, int, nint> PyModule_Create2;
    public static delegate* unmanaged<PyModuleDef*, nint, int, nint> PyModule_FromDefAndSpec2;
    public static delegate* unmanaged<nint, byte*, nint, int> PyModule_AddObjectRef;
    public static delegate* unmanaged<nint, byte*, long, int> PyModule_AddIntConstant;
    public static delegate* unmanaged<nint> PyImport_GetModuleDict;
    public static delegate* unmanaged<nint, byte*, nint, int> PyDict_SetItemString;
    public static delegate* unmanaged<nint, nint, int> PyType_IsSubtype;

    // The interpreter's lock and life, for .NET code that reaches Python objects from threads of its own
    // (the shared maps' close and resize, the pythonnet host).
    public static delegate* unmanaged<int> Py_IsInitialized;
    public static delegate* unmanaged<int> Py_IsFinalizing;
    public static delegate* unmanaged<int> PyGILState_Ensure;
    public static delegate* unmanaged<int, void> PyGILState_Release;
    public static delegate* unmanaged<nint> PyEval_SaveThread;
    public static delegate* unmanaged<nint, void> PyEval_RestoreThread;

    // Running a program the way python does (MmapNet.Host): printing uncaught exceptions, SystemExit.
    public static delegate* unmanaged<void> PyErr_Print;
    public static delegate* unmanaged<nint, int> PyErr_ExceptionMatches;
    public static delegate* unmanaged<nint*, nint*, nint*, void> PyErr_Fetch;
    public static delegate* unmanaged<nint*, nint*, nint*, void> PyErr_NormalizeException;
    public static delegate* unmanaged<nint, nint, nint, void> PyErr_Restore;

    // The common paths' entries and objects live in RunningInterpreter, which instances point to; these read it, for
    // the code that has no instance at hand.
    public static delegate* unmanaged[SuppressGCTransition]<nint, void> FastPy_IncRef => Running->FastPy_IncRef;
    public static delegate* unmanaged[SuppressGCTransition]<int> FastPy_IsFinalizing;

    public static nint PyExc_ValueError;
    public static nint PyExc_TypeError;
    public static nint PyExc_IndexError;
    public static nint PyExc_OverflowError;
    public static nint PyExc_BufferError;
    public static nint PyExc_OSError;
    public static nint PyExc_SystemError;
    public static nint PyExc_ImportError;
    public static nint PyExc_SystemExit;
    public static nint PyExc_KeyboardInterrupt;

    public static nint Py_None => Running->Py_None;
    public static nint Py_True;
    public static nint PyBytes_Type => Running->PyBytes_Type;

    /// <summary>What the common paths need of the interpreter (<see cref="RunningInterpreter"/>); set by <see cref="Initialize"/>.</summary>
    public static RunningInterpreter* Running { get; private set; }

    private static nint s_library;

    public static bool IsInitialized => s_library != 0;

    /// <summary>Resolves every entry; called once, with the GIL held, before any other use.</summary>
    public static void Initialize()
    {
        if (s_library != 0)
        {
            return;
        }

        nint library = NativeLibrary.GetMainProgramHandle();
        nint Function(string name) => NativeLibrary.GetExport(library, name);
        nint Object(string name) => *(nint*)NativeLibrary.GetExport(library, name);

        // First what an ImportError needs, so that an interpreter lacking a later function can still be told so.
        Py_GetVersion = (delegate* unmanaged<byte*>)Function("Py_GetVersion");
        PyErr_SetString = (delegate* unmanaged<nint, byte*, void>)Function("PyErr_SetString");
        PyExc_ImportError = Object("PyExc_ImportError");
        Py_IncRef = (delegate* unmanaged<nint, void>)Function("Py_IncRef");
        Py_DecRef = (delegate* unmanaged<nint, void>)Function("Py_DecRef");
        PyType_FromSpec = (delegate* unmanaged<PyTypeSpec*, nint>)Function("PyType_FromSpec");
        PyType_GetSlot = (delegate* unmanaged<nint, int, void*>)Function("PyType_GetSlot");
        PyObject_GC_UnTrack = (delegate* unmanaged<nint, void>)Function("PyObject_GC_UnTrack");
        PyObject_ClearWeakRefs = (delegate* unmanaged<nint, void>)Function("PyObject_ClearWeakRefs");
        PyObject_GenericGetAttr = (void*)Function("PyObject_GenericGetAttr");
        PyType_GenericNew = (void*)Function("PyType_GenericNew");
        PyLong_FromSsize_t = (delegate* unmanaged<nint, nint>)Function("PyLong_FromSsize_t");
        PyLong_AsSsize_t = (delegate* unmanaged<nint, nint>)Function("PyLong_AsSsize_t");
        PyNumber_AsSsize_t = (delegate* unmanaged<nint, nint, nint>)Function("PyNumber_AsSsize_t");
        PyIndex_Check = (delegate* unmanaged<nint, int>)Function("PyIndex_Check");
        PySlice_Unpack = (delegate* unmanaged<nint, nint*, nint*, nint*, int>)Function("PySlice_Unpack");
        PyBytes_FromStringAndSize = (delegate* unmanaged<byte*, nint, nint>)Function("PyBytes_FromStringAndSize");
        PyBytes_AsString = (delegate* unmanaged<nint, byte*>)Function("PyBytes_AsString");
        PyUnicode_FromStringAndSize = (delegate* unmanaged<byte*, nint, nint>)Function("PyUnicode_FromStringAndSize");
        PyUnicode_DecodeUTF8 = (delegate* unmanaged<byte*, nint, byte*, nint>)Function("PyUnicode_DecodeUTF8");
        PyErr_SetObject = (delegate* unmanaged<nint, nint, void>)Function("PyErr_SetObject");
        PyErr_Occurred = (delegate* unmanaged<nint>)Function("PyErr_Occurred");
        PyErr_Clear = (delegate* unmanaged<void>)Function("PyErr_Clear");
        PyErr_NoMemory = (delegate* unmanaged<nint>)Function("PyErr_NoMemory");
        PyErr_CheckSignals = (delegate* unmanaged<int>)Function("PyErr_CheckSignals");
        PyObject_GetBuffer = (delegate* unmanaged<nint, PyBuffer*, int, int>)Function("PyObject_GetBuffer");
        PyBuffer_Release = (delegate* unmanaged<PyBuffer*, void>)Function("PyBuffer_Release");
        PyBuffer_FillInfo = (delegate* unmanaged<PyBuffer*, nint, void*, nint, int, int, int>)Function("PyBuffer_FillInfo");
        PyObject_Call = (delegate* unmanaged<nint, nint, nint, nint>)Function("PyObject_Call");
        PySys_GetObject = (delegate* unmanaged<byte*, nint>)Function("PySys_GetObject");
        PyUnicode_AsUTF8 = (delegate* unmanaged<nint, nint>)Function("PyUnicode_AsUTF8");
        PyType_GetFlags = (delegate* unmanaged<nint, ulong>)Function("PyType_GetFlags");
        PySlice_New = (delegate* unmanaged<nint, nint, nint, nint>)Function("PySlice_New");
        PyObject_GetAttrString = (delegate* unmanaged<nint, byte*, nint>)Function("PyObject_GetAttrString");
        PyObject_CallObject = (delegate* unmanaged<nint, nint, nint>)Function("PyObject_CallObject");
        PyTuple_New = (delegate* unmanaged<nint, nint>)Function("PyTuple_New");
        PyTuple_SetItem = (delegate* unmanaged<nint, nint, nint, int>)Function("PyTuple_SetItem");
        PyArg_ParseTuple = (delegate* unmanaged<nint, byte*, void*, void*, void*, void*, int>)Function("PyArg_ParseTuple");
        PyArg_ParseTupleAndKeywords = (delegate* unmanaged<nint, nint, byte*, byte**, void*, void*, void*, void*, void*, void*, void*, int>)Function("PyArg_ParseTupleAndKeywords");
        PySys_Audit = (delegate* unmanaged<byte*, byte*, int, nint, int, long, int>)Function("PySys_Audit");
        _Py_convert_optional_to_ssize_t = (void*)Function("_Py_convert_optional_to_ssize_t");
        PyModule_Create2 = (delegate* unmanaged<PyModuleDef*, int, nint>)Function("PyModule_Create2");
        PyModule_FromDefAndSpec2 = (delegate* unmanaged<PyModuleDef*, nint, int, nint>)Function("PyModule_FromDefAndSpec2");
        PyModule_AddObjectRef = (delegate* unmanaged<nint, byte*, nint, int>)Function("PyModule_AddObjectRef");
        PyModule_AddIntConstant = (delegate* unmanaged<nint, byte*, long, int>)Function("PyModule_AddIntConstant");
        PyImport_GetModuleDict = (delegate* unmanaged<nint>)Function("PyImport_GetModuleDict");
        PyDict_SetItemString = (delegate* unmanaged<nint, byte*, nint, int>)Function("PyDict_SetItemString");
        PyType_IsSubtype = (delegate* unmanaged<nint, nint, int>)Function("PyType_IsSubtype");
        Py_IsInitialized = (delegate* unmanaged<int>)Function("Py_IsInitialized");

        // Public from 3.13; 3.10, 3.11 and 3.12 export it with a leading underscore.
        Py_IsFinalizing = (delegate* unmanaged<int>)(NativeLibrary.TryGetExport(library, "Py_IsFinalizing", out nint isFinalizing)
            ? isFinalizing
            : Function("_Py_IsFinalizing"));
        PyGILState_Ensure = (delegate* unmanaged<int>)Function("PyGILState_Ensure");
        PyGILState_Release = (delegate* unmanaged<int, void>)Function("PyGILState_Release");
        PyEval_SaveThread = (delegate* unmanaged<nint>)Function("PyEval_SaveThread");
        PyEval_RestoreThread = (delegate* unmanaged<nint, void>)Function("PyEval_RestoreThread");
        PyErr_Print = (delegate* unmanaged<void>)Function("PyErr_Print");
        PyErr_ExceptionMatches = (delegate* unmanaged<nint, int>)Function("PyErr_ExceptionMatches");
        PyErr_Fetch = (delegate* unmanaged<nint*, nint*, nint*, void>)Function("PyErr_Fetch");
        PyErr_NormalizeException = (delegate* unmanaged<nint*, nint*, nint*, void>)Function("PyErr_NormalizeException");
        PyErr_Restore = (delegate* unmanaged<nint, nint, nint, void>)Function("PyErr_Restore");

        RunningInterpreter* running = RunningInterpreter.Allocate();
        running->FastPyLong_FromSsize_t = (delegate* unmanaged[SuppressGCTransition]<nint, nint>)Function("PyLong_FromSsize_t");
        running->FastPyLong_AsLongAndOverflow = (delegate* unmanaged[SuppressGCTransition]<nint, int*, long>)Function("PyLong_AsLongAndOverflow");
        running->FastPyBytes_FromStringAndSize = (delegate* unmanaged[SuppressGCTransition]<byte*, nint, nint>)Function("PyBytes_FromStringAndSize");
        running->FastPy_IncRef = (delegate* unmanaged[SuppressGCTransition]<nint, void>)Function("Py_IncRef");
        running->FastPyBool_FromLong = (delegate* unmanaged[SuppressGCTransition]<nint, nint>)Function("PyBool_FromLong");
        running->FastPyBuffer_FillInfo = (delegate* unmanaged[SuppressGCTransition]<PyBuffer*, nint, void*, nint, int, int, int>)Function("PyBuffer_FillInfo");
        running->Py_None = Function("_Py_NoneStruct");
        running->PyLong_Type = Function("PyLong_Type");
        running->PySlice_Type = Function("PySlice_Type");
        running->PyBytes_Type = Function("PyBytes_Type");
        Running = running;
        FastPy_IsFinalizing = (delegate* unmanaged[SuppressGCTransition]<int>)Py_IsFinalizing;

        PyExc_ValueError = Object("PyExc_ValueError");
        PyExc_TypeError = Object("PyExc_TypeError");
        PyExc_IndexError = Object("PyExc_IndexError");
        PyExc_OverflowError = Object("PyExc_OverflowError");
        PyExc_BufferError = Object("PyExc_BufferError");
        PyExc_OSError = Object("PyExc_OSError");
        PyExc_SystemError = Object("PyExc_SystemError");
        PyExc_SystemExit = Object("PyExc_SystemExit");
        PyExc_KeyboardInterrupt = Object("PyExc_KeyboardInterrupt");

        Py_True = Function("_Py_TrueStruct");

        s_library = library;
    }

    /// <summary><c>Py_TYPE(o)</c>.</summary>
    public static nint TypeOf(nint o) => *(nint*)(o + ObjectLayout.ObjectType);

    /// <summary><c>Py_RETURN_NONE</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static nint NewNone() => Running->NewNone();
}
