using System;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace MmapNet.CPython;

/// <summary>
/// Loads, at import time, every assembly the module's code refers to. CoreCLR otherwise opens them
/// lazily, the first time a code path needs one, and keeps the file open: a descriptor number that a
/// Python script had just closed would then be taken over in the middle of its mmap call (the script
/// sees PermissionError on a "closed" descriptor instead of EBADF). NativeAOT has nothing to load.
/// </summary>
internal static class RuntimePreload
{
    public static void Run()
    {
        if (!RuntimeFeature.IsDynamicCodeCompiled)
        {
            return;
        }

        foreach (Assembly assembly in new[] { typeof(MemoryMap).Assembly, typeof(RuntimePreload).Assembly })
        {
            LoadReferences(assembly);
        }
    }

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Runs only under CoreCLR (checked above), where metadata is complete.")]
    private static void LoadReferences(Assembly assembly)
    {
        foreach (AssemblyName reference in assembly.GetReferencedAssemblies())
        {
            try
            {
                Assembly.Load(reference);
            }
            catch (Exception exception) when (exception is System.IO.FileNotFoundException or System.IO.FileLoadException or BadImageFormatException)
            {
                // A reference that cannot load now would fail the same way later; nothing to preload.
            }
        }
    }
}
