using System;
using MmapNet.Discovery;

namespace MmapNet.Conformance.Running;

/// <summary>
/// How the implementation side of a run is started. The reference side (CPython's <c>mmap</c>) always runs under the plain
/// interpreter; the flavours put the implementation in each of the ways Python code meets .NET.
/// </summary>
public enum ImplementationFlavour
{
    /// <summary><c>python bootstrap.py MODULE CASE</c>: the interpreter itself (mmapnet boots CoreCLR, or is NativeAOT).</summary>
    Python,

    /// <summary>
    /// <c>mmapnet-host --python LIBPYTHON bootstrap.py MODULE CASE</c>: CPython embedded in .NET with pythonnet
    /// (MmapNet.Host), which serves <c>mmap</c> itself.
    /// </summary>
    Host,

    /// <summary>
    /// <c>python bootstrap.py MODULE CASE</c> with <c>MMAPNET_CLR=1</c>: pythonnet's <c>clr</c> initialised at
    /// <c>import mmapnet</c> in the CoreCLR that mmapnet booted.
    /// </summary>
    PythonWithClr,
}

/// <summary>What each flavour can run on.</summary>
public static class ImplementationFlavours
{
    /// <summary>
    /// Whether the flavour can run on Python <paramref name="version"/>: the pythonnet flavours need a version pythonnet
    /// loads (<see cref="PythonVersions.IsEmbeddable"/>); the plain one runs on every supported interpreter.
    /// </summary>
    /// <param name="flavour">The flavour.</param>
    /// <param name="version">The interpreter's version.</param>
    /// <returns>Whether runs of that flavour can start there.</returns>
    public static bool Supports(ImplementationFlavour flavour, Version version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return flavour == ImplementationFlavour.Python || PythonVersions.IsEmbeddable(version);
    }

    /// <summary>The flavour's name on the command line: <c>python</c>, <c>host</c>, <c>clr</c>.</summary>
    /// <param name="flavour">The flavour.</param>
    /// <returns>Its name.</returns>
    public static string Name(ImplementationFlavour flavour) => flavour switch
    {
        ImplementationFlavour.Host => "host",
        ImplementationFlavour.PythonWithClr => "clr",
        _ => "python",
    };
}
