using System;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using MmapNet.CPython.Abi;
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
    private static PyModuleDef* s_multiPhaseDefinition;

    /// <summary>
    /// Creates the module; returns a new reference, or NULL with a Python exception set. The caller holds the GIL.
    /// Never throws. With a module spec (the CoreCLR route passes one), on 3.12 and later, the module is made the way
    /// CPython makes a multi-phase module, from a definition that declares it supports several interpreters sharing
    /// one GIL but not one with a GIL of its own: CPython itself then refuses it in such an interpreter, with the
    /// ImportError it gives any module that does not support it, as it refuses the single-phase NativeAOT module.
    /// (The module's state, its type and its registry of objects, is the process's, shared by every interpreter.)
    /// </summary>
    public static nint Create(nint spec = 0)
    {
        try
        {
            if (!TryPrepare(out InterpreterProfile? profile))
            {
                return 0;
            }

            nint module = spec != 0 && profile.HasMultipleInterpretersSlot
                ? PyModule_FromDefAndSpec2(MultiPhaseDefinition(), spec, ModuleAbi.ApiVersion)
                : PyModule_Create2(SinglePhaseDefinition(), ModuleAbi.ApiVersion);
            if (module == 0)
            {
                return 0;
            }

            nint type = MmapType.GetOrCreate(profile);
            nint floor = TransitionFloorType.GetOrCreate();
            if (type == 0 || floor == 0 || !AddObject(module, "mmap", type) || !AddObject(module, "error", PyExc_OSError)
                || !AddObject(module, "_TransitionFloor", floor) || !AddConstants(module, profile))
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

    /// <summary>
    /// What comes before anything of mmapnet's exists in an interpreter: the C API resolved, the interpreter checked
    /// (<see cref="AbiSelfCheck"/>: a version or build whose objects mmapnet would misread gets an ImportError), the
    /// assemblies loaded, the fault handler installed. False with the ImportError set. GIL held.
    /// </summary>
    internal static bool TryPrepare([NotNullWhen(true)] out InterpreterProfile? profile)
    {
        profile = null;
        try
        {
            PythonApi.Initialize();
        }
        catch (EntryPointNotFoundException missing) when (PythonApi.Py_GetVersion != null && PythonApi.PyErr_SetString != null)
        {
            // An older or newer CPython without a function mmapnet uses: refused for its version, or else for the function.
            InterpreterProfile version = InterpreterProfile.ForRunningInterpreter();
            RaiseImportError(AbiSelfCheck.Judge(new InterpreterFacts(version.Version, "", false, [])) is { } versionRefusal
                ? versionRefusal
                : $"this CPython {version.Version.ToString(3)} lacks part of the C API mmapnet uses: {missing.Message}");
            return false;
        }

        InterpreterProfile running = InterpreterProfile.ForRunningInterpreter();
        PythonApi.Running->Adopt(running); // before the self-check, which compares its int layout with real ints
        if (AbiSelfCheck.Check(running) is { } refusal)
        {
            RaiseImportError(refusal);
            return false;
        }

        RuntimePreload.Run();
        _ = MemoryFaults.Install();
        profile = running;
        return true;
    }

    private static void RaiseImportError(string message)
    {
        byte[] utf8 = System.Text.Encoding.UTF8.GetBytes(message + "\0");
        fixed (byte* text = utf8)
        {
            PyErr_SetString(PyExc_ImportError, text);
        }
    }

    private static PyModuleDef* SinglePhaseDefinition()
    {
        if (s_definition == null)
        {
            PyModuleDef* definition = NativeTables.Allocate<PyModuleDef>(1);
            definition->RefCount = 1;
            definition->Name = NativeTables.Utf8("_mmapnet");
            definition->Size = -1;
            s_definition = definition;
        }

        return s_definition;
    }

    private static PyModuleDef* MultiPhaseDefinition()
    {
        if (s_multiPhaseDefinition == null)
        {
            PyModuleDefSlot* slots = NativeTables.Allocate<PyModuleDefSlot>(2);
            slots[0] = new PyModuleDefSlot { Slot = ModuleAbi.MultipleInterpretersSlot, Value = (void*)ModuleAbi.MultipleInterpretersSupported };
            PyModuleDef* definition = NativeTables.Allocate<PyModuleDef>(1);
            definition->RefCount = 1;
            definition->Name = NativeTables.Utf8("mmapnet._mmapnet");
            definition->Size = 0; // multi-phase modules may not have a negative size
            definition->Slots = slots;
            s_multiPhaseDefinition = definition;
        }

        return s_multiPhaseDefinition;
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
