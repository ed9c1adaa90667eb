using System;

namespace MmapNet.Host;

/// <summary>A CPython that <see cref="PythonLocator"/> found and checked: pythonnet can load it.</summary>
/// <param name="LibraryPath">The shared libpython (for example <c>~/.pyenv/versions/3.12.1/lib/libpython3.12.so.1.0</c>).</param>
/// <param name="Version">The version the library reports (major.minor.micro).</param>
/// <param name="ExecutablePath">
/// The interpreter executable that goes with the library, or <see langword="null"/> when none was found. The embedded
/// interpreter takes it as its program name, so <c>sys.executable</c>, <c>sys.prefix</c> and <c>sys.path</c> are those of
/// that interpreter.
/// </param>
/// <param name="Origin">
/// Where it was found: <c>--python</c>, <c>PYTHONNET_PYDLL</c>, <c>pyenv 3.11.7 (~/.pyenv/version)</c>,
/// <c>bundled MmapNet.Python.Runtime.linux-x64</c>, <c>system</c>.
/// </param>
public sealed record LocatedPython(string LibraryPath, Version Version, string? ExecutablePath, string Origin)
{
    /// <summary>
    /// The Python home to start the interpreter with (what <c>PYTHONHOME</c> would say), or <see langword="null"/> for an
    /// installed Python, which finds its own from where it was built to live. Set for <see cref="BundledPython"/>, whose
    /// standard library is wherever the program's folder is.
    /// </summary>
    public string? Home { get; init; }

    /// <summary>A one-line description: version, library and origin.</summary>
    public override string ToString() => $"Python {Version.ToString(3)} ({LibraryPath}, from {Origin})";
}
