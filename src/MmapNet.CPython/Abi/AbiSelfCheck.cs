using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using MmapNet.CPython.Native;
using static MmapNet.CPython.Native.PythonApi;

namespace MmapNet.CPython.Abi;

/// <summary>What the running interpreter is, as far as mmapnet's binary assumptions go.</summary>
/// <param name="Version">Its version, from <c>Py_GetVersion()</c>.</param>
/// <param name="AbiFlags"><c>sys.abiflags</c>: "t" marks a free-threaded build, "d" a debug one.</param>
/// <param name="TracesReferences">Whether <c>sys.getobjects</c> exists, which only a <c>Py_TRACE_REFS</c> build has.</param>
/// <param name="LayoutMismatches">The offsets of <see cref="ObjectLayout"/> that real objects of it contradict.</param>
internal sealed record InterpreterFacts(Version Version, string AbiFlags, bool TracesReferences, IReadOnlyList<string> LayoutMismatches);

/// <summary>
/// The import-time check that the running interpreter is one whose objects mmapnet reads correctly: a supported
/// version of a standard build. Anything else (a free-threaded build, whose object header is larger; a
/// <c>Py_TRACE_REFS</c> build, whose header starts with two more pointers; a version mmapnet does not know) gets an
/// ImportError that says what it is and what is supported, before any of mmapnet's objects exist.
/// </summary>
internal static unsafe class AbiSelfCheck
{
    /// <summary>Why the running interpreter is refused, or null. GIL held; <see cref="PythonApi"/> initialized.</summary>
    public static string? Check(InterpreterProfile profile) => Judge(Gather(profile));

    /// <summary>The reason to refuse an interpreter with these facts, or null to accept it.</summary>
    public static string? Judge(InterpreterFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        string supported = $"mmapnet supports CPython {SupportedPythons.Range} as built by default (with the GIL)";
        string build = facts.AbiFlags.Contains('t', StringComparison.Ordinal) ? "free-threaded "
            : facts.TracesReferences ? "Py_TRACE_REFS " : "";
        string running = $"this is a {build}CPython {facts.Version.ToString(3)}" + (facts.AbiFlags.Length > 0 ? $" (abiflags '{facts.AbiFlags}')" : "");
        if (!SupportedPythons.Includes(facts.Version))
        {
            return $"{supported}; {running}";
        }

        if (build.Length > 0)
        {
            return $"{supported}; {running}, whose objects are laid out differently";
        }

        return facts.LayoutMismatches.Count > 0
            ? $"{supported}; {running}, whose objects are not laid out as mmapnet reads them ({string.Join("; ", facts.LayoutMismatches)})"
            : null;
    }

    /// <summary>Asks the interpreter (sys attributes) and real objects of it (a bytes, a tuple, a slice, their types).</summary>
    public static InterpreterFacts Gather(InterpreterProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        string abiFlags = "";
        bool tracesReferences;
        fixed (byte* abiFlagsName = "abiflags\0"u8, getObjectsName = "getobjects\0"u8)
        {
            nint flags = PySys_GetObject(abiFlagsName); // borrowed
            if (flags != 0)
            {
                nint utf8 = PyUnicode_AsUTF8(flags);
                abiFlags = utf8 == 0 ? "" : Marshal.PtrToStringUTF8(utf8) ?? "";
                if (utf8 == 0)
                {
                    PyErr_Clear();
                }
            }

            tracesReferences = PySys_GetObject(getObjectsName) != 0;
        }

        // A standard build's layout is checked only once the build is known to be one: the probes read fixed offsets.
        List<string> mismatches = abiFlags.Contains('t', StringComparison.Ordinal) || tracesReferences ? [] : ProbeLayout();
        return new InterpreterFacts(profile.Version, abiFlags, tracesReferences, mismatches);
    }

    // Each offset mmapnet reads straight from memory, compared with what the C API says of a real object.
    private static List<string> ProbeLayout()
    {
        List<string> mismatches = new();
        nint bytes;
        fixed (byte* text = "ab"u8)
        {
            bytes = PyBytes_FromStringAndSize(text, 2);
        }

        nint one = PyLong_FromSsize_t(1001), two = PyLong_FromSsize_t(1002), three = PyLong_FromSsize_t(1003);
        nint slice = PySlice_New(one, two, three);
        nint tuple = PyTuple_New(1);
        if (bytes == 0 || one == 0 || two == 0 || three == 0 || slice == 0 || tuple == 0)
        {
            PyErr_Clear();
            mismatches.Add("its objects could not be made");
        }
        else
        {
            Py_IncRef(bytes);
            PyTuple_SetItem(tuple, 0, bytes); // steals the reference just added
            if (*(nint*)(bytes + ObjectLayout.ObjectType) != PyBytes_Type)
            {
                mismatches.Add("ob_type");
            }

            if (*(nint*)(bytes + ObjectLayout.VarObjectSize) != 2 || (nint)PyBytes_AsString(bytes) != bytes + ObjectLayout.BytesData)
            {
                mismatches.Add("PyBytesObject");
            }

            if (*(nint*)(tuple + ObjectLayout.VarObjectSize) != 1 || *(nint*)(tuple + ObjectLayout.TupleItems) != bytes)
            {
                mismatches.Add("PyTupleObject");
            }

            if (*(nint*)(slice + ObjectLayout.SliceStart) != one || *(nint*)(slice + ObjectLayout.SliceStop) != two || *(nint*)(slice + ObjectLayout.SliceStep) != three)
            {
                mismatches.Add("PySliceObject");
            }

            if (*(ulong*)(PyBytes_Type + ObjectLayout.TypeFlags) != PyType_GetFlags(PyBytes_Type)
                || (PyType_GetFlags(PyBytes_Type) & AbiFlags.TypeBytesSubclass) == 0)
            {
                mismatches.Add("tp_flags");
            }

            if (Marshal.PtrToStringUTF8(*(nint*)(PyBytes_Type + ObjectLayout.TypeName)) != "bytes")
            {
                mismatches.Add("tp_name");
            }

            if (!CompactIntsReadAsTheCApi())
            {
                mismatches.Add("PyLongObject");
            }
        }

        foreach (nint o in new[] { tuple, slice, three, two, one, bytes })
        {
            if (o != 0)
            {
                Py_DecRef(o);
            }
        }

        return mismatches;
    }

    // Ints of one digit or none read as their value, and ints of two digits are left to the C API.
    private static bool CompactIntsReadAsTheCApi()
    {
        const int LargestDigit = (1 << 30) - 1;
        long[] values = [0, 1, -1, 1001, -1001, LargestDigit, -LargestDigit, LargestDigit + 1L, -(LargestDigit + 1L), 1L << 40];
        foreach (long value in values)
        {
            nint o = PyLong_FromSsize_t((nint)value);
            if (o == 0)
            {
                PyErr_Clear();
                return false;
            }

            bool compact = CompactInts.TryRead(o, PythonApi.Running->TaggedIntHeader, out nint read);
            Py_DecRef(o);
            if (compact != (value is >= -LargestDigit and <= LargestDigit) || (compact && read != value))
            {
                return false;
            }
        }

        return true;
    }
}
