using System;
using Python.Runtime;
using static MmapNet.CPython.Native.PythonApi;

namespace MmapNet.Host;

/// <summary>
/// Runs a program step prepared by <c>mmapnet/_pymain.py</c> the way python's main does: the step is called through the C
/// API, so no frame of the host's is on the traceback; an uncaught SystemExit gives its exit status (and its message, if
/// any); any other uncaught exception is printed by <c>PyErr_Print</c> itself (<c>sys.excepthook</c>, <c>sys.last_exc</c>)
/// and gives 1. GIL held.
/// </summary>
internal static unsafe class PythonProgramRunner
{
    private const string Call = "call";
    private const string Raise = "raise";
    private const string Exit = "exit";

    /// <summary>Runs <paramref name="prepared"/>, a (kind, value) pair from <c>_pymain.prepare_*</c>.</summary>
    /// <param name="prepared">The pair.</param>
    /// <param name="systemExitCode"><c>_pymain.system_exit_code</c>.</param>
    /// <param name="keyboardInterrupt">Whether the program ended with an uncaught KeyboardInterrupt.</param>
    /// <returns>The exit status python would exit with.</returns>
    public static int Run(PyObject prepared, PyObject systemExitCode, out bool keyboardInterrupt)
    {
        keyboardInterrupt = false;
        using PyObject kindObject = prepared[0];
        using PyObject value = prepared[1];
        string kind = kindObject.As<string>();
        switch (kind)
        {
            case Exit:
                return value.As<int>();
            case Raise:
                PyErr_SetObject(TypeOf(PythonObjects.AddressOf(value)), PythonObjects.AddressOf(value));
                return HandleUncaught(systemExitCode, out keyboardInterrupt);
            case Call:
                nint result = PyObject_CallObject(PythonObjects.AddressOf(value), 0);
                if (result != 0)
                {
                    Py_DecRef(result);
                    return 0;
                }

                return HandleUncaught(systemExitCode, out keyboardInterrupt);
            default:
                throw new InvalidOperationException($"mmapnet._pymain returned an unknown step kind '{kind}'.");
        }
    }

    // pymain_exit_err_print: SystemExit gives its status; anything else is printed and gives 1. An uncaught
    // KeyboardInterrupt (the exact type, as python checks) also makes python die by SIGINT at the very end.
    private static int HandleUncaught(PyObject systemExitCode, out bool keyboardInterrupt)
    {
        keyboardInterrupt = false;
        if (PyErr_ExceptionMatches(PyExc_SystemExit) != 0)
        {
            nint type, value, traceback;
            PyErr_Fetch(&type, &value, &traceback);
            PyErr_NormalizeException(&type, &value, &traceback);
            try
            {
                return SystemExitStatus(systemExitCode, value);
            }
            finally
            {
                DecRefIfSet(type);
                DecRefIfSet(value);
                DecRefIfSet(traceback);
            }
        }

        keyboardInterrupt = PyErr_Occurred() == PyExc_KeyboardInterrupt;
        PyErr_Print();
        return 1;
    }

    private static int SystemExitStatus(PyObject systemExitCode, nint exception)
    {
        nint arguments = PyTuple_New(1);
        if (arguments == 0)
        {
            PyErr_Print();
            return 1;
        }

        nint argument = exception != 0 ? exception : Py_None;
        Py_IncRef(argument);
        PyTuple_SetItem(arguments, 0, argument);
        nint status = PyObject_CallObject(PythonObjects.AddressOf(systemExitCode), arguments);
        Py_DecRef(arguments);
        if (status == 0)
        {
            // Printing the exit message failed (its str() raised): python reports that error and exits with 1.
            PyErr_Print();
            return 1;
        }

        // exit() keeps the low bits of a C int, as python's (int)PyLong_AsLong does.
        long code = PyLong_AsSsize_t(status);
        Py_DecRef(status);
        return unchecked((int)code);
    }

    private static void DecRefIfSet(nint reference)
    {
        if (reference != 0)
        {
            Py_DecRef(reference);
        }
    }
}
