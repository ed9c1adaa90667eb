using System;
using System.Runtime.InteropServices;
using MmapNet.CPython.Native;
using static MmapNet.CPython.Native.PythonApi;

namespace MmapNet.CPython;

/// <summary>
/// The extension module <c>mmapnet._mmapnet</c>: a real module made from a <c>PyModuleDef</c>, holding
/// the <c>mmap</c> type, <c>error</c> (OSError) and the constants of the running interpreter's stdlib
/// mmap. The Python package <c>mmapnet</c> re-exports them.
/// </summary>
public static unsafe class MmapModule
{
    private static PyModuleDef* s_definition;

    /// <summary>
    /// Creates the module; returns a new reference, or NULL with a Python exception set. The caller
    /// holds the GIL. Never throws.
    /// </summary>
    public static nint Create()
    {
        try
        {
            PythonApi.Initialize();
            RuntimePreload.Run();
            InterpreterProfile profile = InterpreterProfile.ForRunningInterpreter();
            nint type = MmapType.GetOrCreate(profile);
            if (type == 0)
            {
                return 0;
            }

            if (s_definition == null)
            {
                PyModuleDef* definition = NativeTables.Allocate<PyModuleDef>(1);
                definition->RefCount = 1;
                definition->Name = NativeTables.Utf8("_mmapnet");
                definition->Size = -1;
                s_definition = definition;
            }

            nint module = PyModule_Create2(s_definition, PythonConstants.PythonApiVersion);
            if (module == 0)
            {
                return 0;
            }

            if (!AddObject(module, "mmap", type) || !AddObject(module, "error", PyExc_OSError) || !AddConstants(module, profile))
            {
                Py_DecRef(module);
                return 0;
            }

            return module;
        }
        catch (Exception exception)
        {
            return PythonErrors.RaiseUnexpected(exception);
        }
    }

    private static bool AddObject(nint module, string name, nint value)
    {
        byte* utf8 = NativeTables.Utf8(name);
        return PyModule_AddObjectRef(module, utf8, value) == 0;
    }

    private static bool AddConstants(nint module, InterpreterProfile profile)
    {
        foreach ((string name, long value, Version since) in ModuleConstants.All)
        {
            if (profile.Version >= since && PyModule_AddIntConstant(module, NativeTables.Utf8(name), value) != 0)
            {
                return false;
            }
        }

        return true;
    }
}
