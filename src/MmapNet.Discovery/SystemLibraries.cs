using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;

namespace MmapNet.Discovery;

/// <summary>
/// The shared libpythons installed outside pyenv (<c>libpython3*.so.1.0</c> in the system's library folders), what a
/// pythonnet host loads when nothing names one: the last source of its search.
/// </summary>
public sealed class SystemLibraries : IPythonSource
{
    /// <summary>The file name pattern of a CPython 3 shared library.</summary>
    public const string SharedLibraryPattern = "libpython3*.so.1.0";

    /// <summary>Where shared libraries of the system's Python live on Debian, Fedora and from-source installs.</summary>
    public static IReadOnlyList<string> DefaultFolders { get; } =
    [
        $"/usr/lib/{MultiarchTriplet()}",
        "/usr/lib64",
        "/usr/lib",
        "/usr/local/lib",
    ];

    private readonly IReadOnlyList<string> _folders;

    /// <summary>Creates the source of the libraries in <paramref name="folders"/>.</summary>
    /// <param name="folders">The folders searched, such as <see cref="DefaultFolders"/>; missing ones are skipped.</param>
    public SystemLibraries(IReadOnlyList<string> folders)
    {
        ArgumentNullException.ThrowIfNull(folders);
        _folders = folders;
    }

    /// <summary>The libraries of <see cref="In"/>, newest version first, each at the place "system"; with none, why.</summary>
    /// <returns>The candidates.</returns>
    public IEnumerable<PythonCandidate> Candidates()
    {
        IReadOnlyList<string> libraries = In(_folders);
        return libraries.Count == 0
            ? [PythonCandidate.None("system", $"no {SharedLibraryPattern} in {string.Join(", ", _folders)}")]
            : libraries.Select(library => PythonCandidate.At("system", library));
    }

    /// <summary>The libraries in <paramref name="folders"/>, each once (by real path), newest version first.</summary>
    /// <param name="folders">The folders searched; missing ones are skipped.</param>
    /// <returns>The libraries' paths.</returns>
    public static IReadOnlyList<string> In(IEnumerable<string> folders)
    {
        ArgumentNullException.ThrowIfNull(folders);
        return folders
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, SharedLibraryPattern))
            .DistinctBy(RealPaths.Resolve)
            .OrderByDescending(library => PythonVersions.Parse(Path.GetFileName(library)["libpython".Length..]) ?? new Version(0, 0))
            .ToList();
    }

    private static string MultiarchTriplet() => RuntimeInformation.OSArchitecture switch
    {
        Architecture.Arm64 => "aarch64-linux-gnu",
        Architecture.X86 => "i386-linux-gnu",
        Architecture.Arm => "arm-linux-gnueabihf",
        _ => "x86_64-linux-gnu",
    };
}
