using System;
using System.Collections.Generic;
using System.Linq;

namespace MmapNet.Discovery;

/// <summary>
/// The CPython versions mmapnet supports and those pythonnet embeds, as Directory.Build.props writes them (the one place they
/// are written), and the reading of a version out of the texts Python gives it in.
/// </summary>
public static class PythonVersions
{
    /// <summary>The oldest supported major.minor version.</summary>
    public static Version OldestSupported => SupportedPythons.Oldest;

    /// <summary>The newest supported major.minor version (any micro release of it is supported).</summary>
    public static Version NewestSupported => SupportedPythons.Newest;

    /// <summary>The oldest major.minor version pythonnet embeds (the newest is <see cref="NewestSupported"/>).</summary>
    public static Version OldestEmbeddable => SupportedPythons.OldestEmbeddable;

    /// <summary>The supported range as messages and docs write it, "OLDEST to NEWEST".</summary>
    public static string SupportedRange => SupportedPythons.Range;

    /// <summary>The major.minor versions pythonnet embeds, oldest first: every minor from <see cref="OldestEmbeddable"/> to <see cref="NewestSupported"/>.</summary>
    public static IReadOnlyList<Version> Embeddable { get; } =
        Enumerable.Range(OldestEmbeddable.Minor, NewestSupported.Minor - OldestEmbeddable.Minor + 1)
            .Select(minor => new Version(NewestSupported.Major, minor))
            .ToList();

    /// <summary>Whether <paramref name="version"/> is one mmapnet supports (by major.minor, any micro release).</summary>
    /// <param name="version">A Python version.</param>
    /// <returns>Whether it is between <see cref="OldestSupported"/> and <see cref="NewestSupported"/>.</returns>
    public static bool IsSupported(Version version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return SupportedPythons.Includes(version);
    }

    /// <summary>Whether pythonnet embeds <paramref name="version"/> (by major.minor).</summary>
    /// <param name="version">A Python version.</param>
    /// <returns>Whether it is between <see cref="OldestEmbeddable"/> and <see cref="NewestSupported"/>.</returns>
    public static bool IsEmbeddable(Version version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return IsSupported(version) && version >= OldestEmbeddable;
    }

    /// <summary>
    /// The leading "major.minor[.micro]" of a text: <c>Py_GetVersion</c>'s "3.12.1 (main, ...) [GCC 12.2.0]", a pyenv
    /// version folder's "3.11.7", the tail of a library's name "3.12.so.1.0". A missing micro number is 0.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <returns>The version, or <see langword="null"/> when the text does not start with major.minor.</returns>
    public static Version? Parse(string text) => PythonVersionText.Parse(text);
}
