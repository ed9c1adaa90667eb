using System.Collections.Generic;
using System.IO;
using MmapNet.Discovery;

namespace MmapNet.Host;

/// <summary>
/// The <see cref="BundledPython"/> in a program's folder, if a package put one there: the source <see cref="PythonLocator"/>
/// tries after the versions <c>PYENV_VERSION</c> names, and the one <c>--python bundled</c> asks for.
/// </summary>
internal sealed class BundledPythonSource : IPythonSource
{
    private readonly string? _applicationFolder;

    /// <summary>Creates the source of the bundled Python in <paramref name="applicationFolder"/>.</summary>
    /// <param name="applicationFolder">The program's folder, or <see langword="null"/> to have none (tests, embedding applications).</param>
    public BundledPythonSource(string? applicationFolder) => _applicationFolder = applicationFolder;

    /// <summary>Why there is no bundled Python: the file a package would have put there, or that none exists for this system.</summary>
    public string Absence =>
        _applicationFolder is not null && BundledPython.HomeIn(_applicationFolder) is { } home
            ? $"no {Path.Combine(home, BundledPython.ManifestFileName)} (reference the {BundledPython.PackageIdPrefix}{BundledPython.CurrentRuntimeIdentifier} package to have one)"
            : "no bundled Python for this system";

    /// <summary>The bundled Python, or <see langword="null"/> (<see cref="Absence"/> says why).</summary>
    /// <returns>The bundled Python.</returns>
    /// <exception cref="PythonLocatorException">Its description is there but cannot be read.</exception>
    public BundledPython? Find() => _applicationFolder is null ? null : BundledPython.Find(_applicationFolder);

    /// <summary>Its libpython (which <see cref="PythonLocator"/> checks as the bundle it belongs to), or why there is none.</summary>
    /// <returns>One candidate; none without a program's folder, whose absence is no news.</returns>
    public IEnumerable<PythonCandidate> Candidates()
    {
        if (_applicationFolder is null)
        {
            yield break;
        }

        yield return Find() is { } bundled
            ? PythonCandidate.At($"bundled {bundled.PackageId}", bundled.LibraryPath)
            : PythonCandidate.None("bundled", Absence);
    }
}
