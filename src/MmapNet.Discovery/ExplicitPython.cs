using System;
using System.IO;

namespace MmapNet.Discovery;

/// <summary>
/// A Python named explicitly, by a command-line option or by pythonnet's <see cref="LibraryVariable"/>. Not an
/// <see cref="IPythonSource"/>: a locator takes it before searching any source, and uses or refuses it, never replacing it
/// by another.
/// </summary>
public static class ExplicitPython
{
    /// <summary>pythonnet's variable naming the libpython to load; a host may also take an interpreter executable there.</summary>
    public const string LibraryVariable = "PYTHONNET_PYDLL";

    /// <summary>The Python <see cref="LibraryVariable"/> names.</summary>
    /// <param name="getEnvironmentVariable">Reads an environment variable.</param>
    /// <returns>Its value, or <see langword="null"/> when it is not set or empty.</returns>
    public static string? FromEnvironment(Func<string, string?> getEnvironmentVariable)
    {
        ArgumentNullException.ThrowIfNull(getEnvironmentVariable);
        string? value = getEnvironmentVariable(LibraryVariable);
        return string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary>Whether <paramref name="path"/> names a shared library (<c>libpython3.X.so.1.0</c>, <c>*.so*</c>, <c>*.dylib</c>) rather than an interpreter.</summary>
    /// <param name="path">The path named.</param>
    /// <returns>Whether it is to be loaded as a library.</returns>
    public static bool IsLibraryName(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string name = Path.GetFileName(path);
        return name.StartsWith("libpython", StringComparison.Ordinal) || name.Contains(".so", StringComparison.Ordinal) ||
            name.EndsWith(".dylib", StringComparison.Ordinal);
    }
}
