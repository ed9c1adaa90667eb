using System;

namespace MmapNet.Discovery;

/// <summary>
/// A CPython interpreter found on this machine, as it described itself when it was queried.
/// </summary>
/// <param name="ExecutablePath">The path the interpreter was found at (for example <c>~/.pyenv/versions/3.11.7/bin/python3</c>); run this one.</param>
/// <param name="RealPath">
/// <paramref name="ExecutablePath"/> with every symbolic link resolved; two interpreters with the same real path are the same interpreter.
/// </param>
/// <param name="Version">The interpreter's version as major.minor.micro (<see cref="System.Version.Build"/> is the micro number).</param>
/// <param name="Label">
/// A short name, unique among the interpreters of one search, made of the version and where the interpreter comes from:
/// <c>3.11.7-pyenv</c>, <c>3.11.2-system</c>, <c>3.12.1-local</c> (under /usr/local) or <c>3.12.1-custom</c> (anywhere else).
/// </param>
/// <param name="LibPythonPath">
/// The shared libpython library of this interpreter (what a pythonnet host loads), or <see langword="null"/> when there is none
/// on disk. Statically linked interpreters may still have one: Debian's /usr/bin/python3 is static, but the libpython3.X package
/// installs a matching shared library.
/// </param>
/// <param name="HasStdlibMmapTests">Whether the interpreter's <c>test</c> package contains <c>test_mmap</c> (CPython's own mmap tests).</param>
public sealed record PythonInterpreter(
    string ExecutablePath,
    string RealPath,
    Version Version,
    string Label,
    string? LibPythonPath,
    bool HasStdlibMmapTests)
{
    /// <summary>The major.minor version, for example <c>3.11</c>.</summary>
    public string MinorVersion => $"{Version.Major}.{Version.Minor}";

    /// <summary>Returns <see cref="Label"/>.</summary>
    public override string ToString() => Label;
}
