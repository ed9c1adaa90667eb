using System.Runtime.InteropServices;

namespace MmapNet.CPython.Native;

/// <summary>
/// The signal handler of Native/memory_faults.c: a fault on a map's memory (a truncated file, a map with no access)
/// ends the process by that signal, as it ends CPython's (with faulthandler's traceback when faulthandler is on),
/// instead of the .NET runtime's abort. The file says how and why.
/// </summary>
internal static partial class MemoryFaults
{
    /// <summary>Installs the handler over the runtime's, once per process; 0, or the errno of a failed sigaction.</summary>
    [LibraryImport("mmapnet_faults", EntryPoint = "mmapnet_faults_install")]
    public static partial int Install();
}
