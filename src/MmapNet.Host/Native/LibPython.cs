using System;
using System.Runtime.InteropServices;
using MmapNet.Discovery;

namespace MmapNet.Host.Native;

/// <summary>
/// The few calls made on a libpython before pythonnet loads it: reading its version (so an unsupported one is
/// refused with a clear message instead of pythonnet's "TypeOffset310 not found"), and pre-initializing it
/// with python's own configuration.
/// </summary>
internal static unsafe class LibPython
{
    // PyPreConfig is 10 ints on Linux (11 on Windows) from 3.8 to 3.13; room to spare.
    private const int PreConfigBytes = 64;

    /// <summary>
    /// Loads <paramref name="path"/> and asks its <c>Py_GetVersion</c> (which works before initialization). The library
    /// stays loaded: unloading a libpython is not safe (its constructors and thread-local state are not made for
    /// dlclose), and the one chosen is loaded again by pythonnet anyway.
    /// </summary>
    /// <returns>The version, or <see langword="null"/> with <paramref name="problem"/> saying why.</returns>
    public static Version? ReadVersion(string path, out string? problem)
    {
        problem = null;
        if (!NativeLibrary.TryLoad(path, out nint library))
        {
            problem = "cannot be loaded as a shared library";
            return null;
        }

        if (!NativeLibrary.TryGetExport(library, "Py_GetVersion", out nint getVersion))
        {
            problem = "is not a libpython (it has no Py_GetVersion)";
            return null;
        }

        string text = Marshal.PtrToStringUTF8(((delegate* unmanaged<nint>)getVersion)()) ?? "";
        Version? version = PythonVersions.Parse(text);
        if (version is null)
        {
            problem = $"reports a version that cannot be read: {text}";
        }

        return version;
    }

    /// <summary>
    /// Pre-initializes the interpreter in <paramref name="path"/> with <c>PyPreConfig_InitPythonConfig</c>, the
    /// configuration of the <c>python</c> program, before pythonnet's <c>Py_InitializeEx</c> (which would otherwise use the
    /// legacy embedding configuration): locale coercion and UTF-8 mode then behave as in <c>python</c>, so a C locale gives
    /// UTF-8 standard streams and <c>PYTHONUTF8</c> is honoured. Does nothing once Python is initialized.
    /// </summary>
    public static void PreInitialize(string path)
    {
        nint library = NativeLibrary.Load(path);
        delegate* unmanaged<int> isInitialized = (delegate* unmanaged<int>)NativeLibrary.GetExport(library, "Py_IsInitialized");
        if (isInitialized() != 0)
        {
            return;
        }

        delegate* unmanaged<byte*, void> initPythonConfig = (delegate* unmanaged<byte*, void>)NativeLibrary.GetExport(library, "PyPreConfig_InitPythonConfig");
        delegate* unmanaged<byte*, PyStatus> preInitialize = (delegate* unmanaged<byte*, PyStatus>)NativeLibrary.GetExport(library, "Py_PreInitialize");
        byte* preConfig = stackalloc byte[PreConfigBytes];
        new Span<byte>(preConfig, PreConfigBytes).Clear();
        initPythonConfig(preConfig);
        PyStatus status = preInitialize(preConfig);
        if (status.Type != 0)
        {
            string function = Marshal.PtrToStringUTF8(status.Function) ?? "Py_PreInitialize";
            string message = Marshal.PtrToStringUTF8(status.ErrorMessage) ?? "failed";
            throw new InvalidOperationException($"Python could not be pre-initialized: {function}: {message}");
        }
    }

    // PyStatus: returned by value (through a hidden pointer on SysV x86-64 and AArch64, as it is 32 bytes).
    [StructLayout(LayoutKind.Sequential)]
    private struct PyStatus
    {
        public int Type;
        public nint Function;
        public nint ErrorMessage;
        public int ExitCode;
    }
}
