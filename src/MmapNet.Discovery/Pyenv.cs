using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace MmapNet.Discovery;

/// <summary>
/// The Pythons pyenv installed: its root (<c>$PYENV_ROOT</c>, or <c>~/.pyenv</c>), its <c>versions</c> folder, the
/// versions it selects (<c>PYENV_VERSION</c>, else the nearest <c>.python-version</c>, else its global <c>version</c> file)
/// and every version it has: what the sources <see cref="PyenvInterpreters"/> and <see cref="PyenvLibraries"/> read.
/// </summary>
public sealed class Pyenv
{
    /// <summary>The environment variable that names the versions pyenv selects, separated by ':'.</summary>
    public const string VersionVariable = "PYENV_VERSION";

    /// <summary>The version name pyenv uses for the system's own Python, which is not in <see cref="VersionsFolder"/>.</summary>
    public const string SystemVersionName = "system";

    private readonly Func<string, string?> _getEnvironmentVariable;

    /// <summary>Creates the source from the environment read through <paramref name="getEnvironmentVariable"/>.</summary>
    /// <param name="getEnvironmentVariable">Reads <c>PYENV_ROOT</c>, <see cref="VersionVariable"/> and <c>HOME</c>.</param>
    public Pyenv(Func<string, string?> getEnvironmentVariable)
    {
        ArgumentNullException.ThrowIfNull(getEnvironmentVariable);
        _getEnvironmentVariable = getEnvironmentVariable;
    }

    /// <summary>pyenv's root: <c>$PYENV_ROOT</c>, or <c>~/.pyenv</c>.</summary>
    public string Root
    {
        get
        {
            string? configured = _getEnvironmentVariable("PYENV_ROOT");
            if (!string.IsNullOrEmpty(configured))
            {
                return Path.GetFullPath(configured);
            }

            string? home = _getEnvironmentVariable("HOME");
            return Path.Combine(string.IsNullOrEmpty(home) ? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) : home, ".pyenv");
        }
    }

    /// <summary>Where pyenv installs its versions, one folder each: <c>&lt;root&gt;/versions</c>.</summary>
    public string VersionsFolder => Path.Combine(Root, "versions");

    /// <summary>Whether <see cref="VersionVariable"/> names any version.</summary>
    public bool HasVersionVariable => !string.IsNullOrWhiteSpace(_getEnvironmentVariable(VersionVariable));

    /// <summary>The folder of one version: <c>&lt;root&gt;/versions/&lt;name&gt;</c>.</summary>
    /// <param name="name">The version's name.</param>
    /// <returns>The folder, which may not exist.</returns>
    public string VersionFolder(string name) => Path.Combine(VersionsFolder, name);

    /// <summary>
    /// The versions pyenv selects, in its own order, each with what selected it (the variable or the file): <see cref="VersionVariable"/>,
    /// else the nearest <c>.python-version</c> from <paramref name="currentDirectory"/> up, else <c>&lt;root&gt;/version</c>.
    /// </summary>
    /// <param name="currentDirectory">Where the search for <c>.python-version</c> starts.</param>
    /// <returns>The names, possibly <see cref="SystemVersionName"/>; none when nothing selects a version.</returns>
    public IEnumerable<(string Name, string Source)> Selection(string currentDirectory)
    {
        string? variable = _getEnvironmentVariable(VersionVariable);
        if (!string.IsNullOrWhiteSpace(variable))
        {
            return variable.Split(':', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(name => (name, VersionVariable));
        }

        for (DirectoryInfo? folder = new(currentDirectory); folder is not null; folder = folder.Parent)
        {
            string file = Path.Combine(folder.FullName, ".python-version");
            if (File.Exists(file))
            {
                return VersionFileNames(file);
            }
        }

        string global = Path.Combine(Root, "version");
        return File.Exists(global) ? VersionFileNames(global) : [];
    }

    /// <summary>Every installed version's name, in ordinal order.</summary>
    /// <returns>The names; none without <see cref="VersionsFolder"/>.</returns>
    public IEnumerable<string> Versions() =>
        Directory.Exists(VersionsFolder)
            ? Directory.EnumerateDirectories(VersionsFolder).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)
            : [];

    /// <summary>Every installed version's name, newest version first (names that are no version last), ties in ordinal order.</summary>
    /// <returns>The names.</returns>
    public IEnumerable<string> VersionsNewestFirst() =>
        Versions().OrderByDescending(name => PythonVersions.Parse(name) ?? new Version(0, 0));

    /// <summary>The shared libpython of one version (<c>versions/&lt;name&gt;/lib/libpython3*.so.1.0</c>), if it was built with one.</summary>
    /// <param name="name">The version's name.</param>
    /// <returns>The library, or <see langword="null"/>.</returns>
    public string? SharedLibrary(string name)
    {
        string lib = Path.Combine(VersionFolder(name), "lib");
        return Directory.Exists(lib)
            ? Directory.EnumerateFiles(lib, SystemLibraries.SharedLibraryPattern).Order(StringComparer.Ordinal).FirstOrDefault()
            : null;
    }

    private static List<(string Name, string Source)> VersionFileNames(string file) =>
        File.ReadAllLines(file)
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .SelectMany(line => line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .Select(name => (name, file))
            .ToList();
}
