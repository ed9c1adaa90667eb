using System.Runtime.InteropServices;

namespace MmapNet.CPython;

/// <summary>
/// The native entry points that create the module, one per way of loading it. Both are called by
/// the interpreter with the GIL held and return a new reference (or NULL with an exception set).
/// </summary>
public static class ModuleEntryPoints
{
    /// <summary>
    /// For python/mmapnet's CoreCLR route: fetched through hostfxr's <c>get_function_pointer</c> and
    /// called through <c>ctypes.PYFUNCTYPE</c>, which keeps the GIL, with the module's spec.
    /// </summary>
    [UnmanagedCallersOnly]
    public static nint CreateModule(nint spec) => MmapModule.Create(spec);

    /// <summary>
    /// For the NativeAOT build: what its C entry point <c>PyInit__mmapnet</c> (Native/extension_entry.c), found by the
    /// import system in <c>mmapnet/_mmapnet.so</c>, calls in the build it picks for the CPU. (Outside a NativeAOT build
    /// the export name has no effect.)
    /// </summary>
    [UnmanagedCallersOnly(EntryPoint = "mmapnet_create_module")]
    public static nint InitializeExtensionModule() => MmapModule.Create();
}
