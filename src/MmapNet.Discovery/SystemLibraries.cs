using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;

namespace MmapNet.Discovery;

/// <summary>
/// The shared libpythons installed outside pyenv (<c>libpython3*.so.1.0</c> in the system's library folders), what a
/// pythonnet host loads when nothing names one. One of the discovery layer's sources.
/// </summary>
public static class SystemLibraries
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
