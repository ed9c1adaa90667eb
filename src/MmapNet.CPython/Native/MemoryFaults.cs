using System;
using System.Runtime.InteropServices;

namespace MmapNet.CPython.Native;

/// <summary>
/// The signal handlers of Native/memory_faults.c: a fault on a map's memory (a truncated file, a map with no access)
/// ends the process by that signal, as it ends CPython's (with faulthandler's traceback when faulthandler is on),
/// instead of the .NET runtime's abort; and a fatal signal sent to the process ends it as it ends CPython's, where the
/// runtime's handlers took it for a fault. The file says how and why.
/// </summary>
internal static partial class MemoryFaults
{
    // The library's file name, exactly (NativeParts.targets builds it): CoreCLR's loader finds it beside the
    // assemblies (after a try in the framework's folder), where "mmapnet_faults" sent it searching glibc's folders for
    // mmapnet_faults.so first.
    // The NativeAOT module links the code in and binds these calls by this name (DirectPInvoke).
    private const string LibraryFile = "libmmapnet_faults.so";

    /// <summary>
    /// Installs the handler over the runtime's, once per process: 0, or the errno of a failed sigaction, or -1 when the
    /// library is not beside the assemblies (a build that left it out). Faults then end the process by SIGABRT, after
    /// the runtime's report, which is all the handler changes: the module works the same.
    /// </summary>
    public static int Install()
    {
        try
        {
            return InstallHandler();
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            return -1;
        }
    }

    /// <summary>
    /// For a .NET program that embeds CPython, before the interpreter starts: a fatal signal that faulthandler raises
    /// again from its handler takes the default action instead of going to the runtime's handler, which overran
    /// faulthandler's alternate stack (Native/memory_faults.c says how). Once per process: 0, an errno, or -1 when the
    /// library is not beside the assemblies.
    /// </summary>
    public static int InstallBeforePython()
    {
        try
        {
            return InstallHandlerBeforePython();
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            return -1;
        }
    }

    [LibraryImport(LibraryFile, EntryPoint = "mmapnet_faults_install")]
    private static partial int InstallHandler();

    [LibraryImport(LibraryFile, EntryPoint = "mmapnet_faults_install_before_python")]
    private static partial int InstallHandlerBeforePython();
}
