using System;
using MmapNet.CPython;
using Python.Runtime;
using static MmapNet.CPython.Native.PythonApi;

namespace MmapNet.Host;

/// <summary>Between raw C-API references and pythonnet's <see cref="PyObject"/>. GIL held.</summary>
internal static unsafe class PythonObjects
{
    /// <summary>
    /// Adopts a new reference returned by a C-API call (NULL: throws the Python error). pythonnet 3.2.1 has no public way to
    /// wrap a raw reference, so it goes through a dictionary, whose item getter gives a <see cref="PyObject"/>.
    /// </summary>
    public static PyObject TakeNewReference(nint reference)
    {
        if (reference == 0)
        {
            throw TakeError();
        }

        using PyDict box = new();
        int stored;
        fixed (byte* key = "value\0"u8)
        {
            stored = PyDict_SetItemString(AddressOf(box), key, reference);
        }

        Py_DecRef(reference);
        if (stored != 0)
        {
            throw TakeError();
        }

        return box["value"];
    }

    /// <summary>Takes the current Python error (clearing it) as a <see cref="PythonException"/>.</summary>
    public static Exception TakeError()
    {
        nint type, value, traceback;
        PyErr_Fetch(&type, &value, &traceback);
        if (type == 0)
        {
            return new InvalidOperationException("A Python C-API call failed without setting an exception.");
        }

        PyErr_NormalizeException(&type, &value, &traceback);
        using PyObject typeObject = TakeNewReference(type);
        PyObject? valueObject = value == 0 ? null : TakeNewReference(value);
        PyObject? tracebackObject = traceback == 0 ? null : TakeNewReference(traceback);
        return new PythonException(new PyType(typeObject), valueObject, tracebackObject);
    }

    /// <summary>Whether <paramref name="type"/> is <c>mmapnet.mmap</c> or a subclass of it.</summary>
    public static bool IsMmapType(PyType type) => PythonMapBridge.IsMmapType(AddressOf(type));

    /// <summary>
    /// The object's address, a borrowed reference valid while <paramref name="value"/> lives. pythonnet marks
    /// <see cref="PyObject.Handle"/> obsolete to steer users to its own API, but it is its only public way to the raw
    /// object, which the C-API code here needs; this is the one place that reads it.
    /// </summary>
#pragma warning disable CS0612 // PyObject.Handle is obsolete
    public static nint AddressOf(PyObject value) => value.Handle;
#pragma warning restore CS0612

}
