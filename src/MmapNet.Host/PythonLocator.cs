using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MmapNet.Discovery;
using MmapNet.Host.Native;

namespace MmapNet.Host;

/// <summary>
/// Finds the CPython that pythonnet loads, in this order: the one asked for (<c>--python</c>, then the
/// <see cref="LibraryVariable"/> environment variable), each a libpython, an interpreter executable or
/// <see cref="BundledName"/>; else the pyenv versions named by <c>PYENV_VERSION</c>; else the <see cref="BundledPython"/> in
/// the program's folder (a <c>MmapNet.Python.Runtime.&lt;rid&gt;</c> package puts it there); else the versions pyenv knows
/// (its selection first: <c>.python-version</c>, <c>$PYENV_ROOT/version</c>; then the others, newest first); else the
/// system's libpython. Only versions pythonnet supports (<see cref="SupportedVersions"/>) are used. With none,
/// <see cref="PythonLocatorException"/> lists every place tried.
/// </summary>
/// <remarks>
/// The search is a list of MmapNet.Discovery's sources (<see cref="IPythonSource"/>: <see cref="PyenvLibraries"/> twice,
/// around the bundled Python, then <see cref="SystemLibraries"/>); this class only decides their order and what is used or
/// refused. A Python asked for is not searched: it is used or refused (an interpreter executable through
/// <see cref="InterpreterLocator.Inspect"/>, which runs it once). Libraries are only loaded and asked for their version, so
/// the search starts no process.
/// </remarks>
public sealed class PythonLocator
{
    /// <summary>pythonnet's variable naming the libpython to load (<see cref="ExplicitPython.LibraryVariable"/>); here it may also name an interpreter executable.</summary>
    public const string LibraryVariable = ExplicitPython.LibraryVariable;

    /// <summary>What <c>--python</c> or <see cref="LibraryVariable"/> says to ask for the <see cref="BundledPython"/> by name.</summary>
    public const string BundledName = "bundled";

    private const int ParentsSearchedForExecutable = 3;

    private readonly Func<string, string?> _getEnvironmentVariable;
    private readonly BundledPythonSource _bundled;
    private readonly IReadOnlyList<IPythonSource> _sources;

    /// <summary>
    /// Creates a locator that reads the process environment, the current folder, the usual system library folders, and
    /// this program's folder (<see cref="AppContext.BaseDirectory"/>) for a <see cref="BundledPython"/>.
    /// </summary>
    public PythonLocator()
        : this(Environment.GetEnvironmentVariable, Environment.CurrentDirectory, DefaultSystemLibraryFolders, AppContext.BaseDirectory)
    {
    }

    /// <summary>Creates a locator with its inputs given explicitly, and no <see cref="BundledPython"/> (for tests and for embedding applications).</summary>
    /// <param name="getEnvironmentVariable">Reads <see cref="LibraryVariable"/>, <c>PYENV_ROOT</c>, <c>PYENV_VERSION</c> and <c>HOME</c>.</param>
    /// <param name="currentDirectory">Where the search for a <c>.python-version</c> file starts.</param>
    /// <param name="systemLibraryFolders">The folders searched for the system's <c>libpython3.*.so.1.0</c>.</param>
    public PythonLocator(Func<string, string?> getEnvironmentVariable, string currentDirectory, IReadOnlyList<string> systemLibraryFolders)
        : this(getEnvironmentVariable, currentDirectory, systemLibraryFolders, applicationFolder: null)
    {
    }

    /// <summary>Creates a locator with its inputs given explicitly (for tests and for embedding applications).</summary>
    /// <param name="getEnvironmentVariable">Reads <see cref="LibraryVariable"/>, <c>PYENV_ROOT</c>, <c>PYENV_VERSION</c> and <c>HOME</c>.</param>
    /// <param name="currentDirectory">Where the search for a <c>.python-version</c> file starts.</param>
    /// <param name="systemLibraryFolders">The folders searched for the system's <c>libpython3.*.so.1.0</c>.</param>
    /// <param name="applicationFolder">
    /// The folder searched for a <see cref="BundledPython"/> (<see cref="BundledPython.HomeIn"/>), or <see langword="null"/>
    /// to use none.
    /// </param>
    public PythonLocator(Func<string, string?> getEnvironmentVariable, string currentDirectory, IReadOnlyList<string> systemLibraryFolders, string? applicationFolder)
    {
        ArgumentNullException.ThrowIfNull(getEnvironmentVariable);
        ArgumentNullException.ThrowIfNull(currentDirectory);
        ArgumentNullException.ThrowIfNull(systemLibraryFolders);
        _getEnvironmentVariable = getEnvironmentVariable;
        _bundled = new BundledPythonSource(applicationFolder);
        Pyenv pyenv = new(getEnvironmentVariable);

        // PYENV_VERSION names versions as explicitly as LibraryVariable names a library, so they come before the bundled
        // Python; pyenv's other choices (.python-version, its global version) are only the machine's defaults.
        _sources =
        [
            PyenvLibraries.NamedByVersionVariable(pyenv, currentDirectory),
            _bundled,
            PyenvLibraries.EveryOtherVersion(pyenv, currentDirectory),
            new SystemLibraries(systemLibraryFolders),
        ];
    }

    /// <summary>
    /// The major.minor versions pythonnet can load, oldest first (older ones lack its type offsets): those of
    /// <see cref="PythonVersions.Embeddable"/>, from Directory.Build.props.
    /// </summary>
    public static IReadOnlyList<Version> SupportedVersions => PythonVersions.Embeddable;

    /// <summary>The supported versions as a phrase, for example "3.11, 3.12 and 3.13".</summary>
    public static string SupportedVersionsText =>
        string.Join(", ", SupportedVersions.SkipLast(1).Select(v => v.ToString(2))) + " and " + SupportedVersions[^1].ToString(2);

    /// <summary>Where shared libraries of the system's Python live on Debian, Fedora and from-source installs.</summary>
    public static IReadOnlyList<string> DefaultSystemLibraryFolders => SystemLibraries.DefaultFolders;

    /// <summary>Whether pythonnet supports <paramref name="version"/> (by major.minor).</summary>
    /// <param name="version">A Python version.</param>
    /// <returns><see langword="true"/> for any micro release of <see cref="SupportedVersions"/>.</returns>
    public static bool IsSupported(Version version) => PythonVersions.IsEmbeddable(version);

    /// <summary>Finds the Python to embed.</summary>
    /// <param name="requested">
    /// The Python asked for on the command line (<c>--python</c>): a libpython, an interpreter executable or
    /// <see cref="BundledName"/>; or <see langword="null"/> to use <see cref="LibraryVariable"/> or search.
    /// </param>
    /// <returns>The Python to embed.</returns>
    /// <exception cref="PythonLocatorException">
    /// The requested Python cannot be used (it does not exist, is not a libpython or an interpreter, has no shared libpython,
    /// or is a version pythonnet does not support), the bundled Python cannot run on this machine (the message names what is
    /// missing), or the search found none; the message says why, naming every place tried.
    /// </exception>
    public LocatedPython Locate(string? requested = null)
    {
        if (!string.IsNullOrEmpty(requested))
        {
            return Requested(requested, "--python");
        }

        List<string> tried = new() { "--python: not given" };
        string? fromEnvironment = ExplicitPython.FromEnvironment(_getEnvironmentVariable);
        if (fromEnvironment is not null)
        {
            return Requested(fromEnvironment, LibraryVariable);
        }

        tried.Add($"{LibraryVariable}: not set");

        // Nothing asked for: the sources' candidates in the order of _sources, the first usable library wins.
        foreach (PythonCandidate candidate in _sources.SelectMany(source => source.Candidates()))
        {
            if (candidate.Path is null)
            {
                tried.Add($"{candidate.Place}: {candidate.Reason}");
                continue;
            }

            LocatedPython? located = FromLibrary(candidate.Path, candidate.Place, out string? problem);
            if (located is not null)
            {
                return located;
            }

            tried.Add($"{candidate.Place}: {candidate.Path} {problem}");
        }

        throw new PythonLocatorException(
            $"No usable Python found for pythonnet, which supports Python {SupportedVersionsText}. Places tried:{Environment.NewLine}" +
            string.Join(Environment.NewLine, tried.Select(place => "  " + place)) + Environment.NewLine +
            $"Name one with --python (a libpython or a python executable) or {LibraryVariable}.",
            tried);
    }

    // An explicit request is used or refused, never replaced by something else.
    private LocatedPython Requested(string path, string origin)
    {
        if (path == BundledName)
        {
            return _bundled.Find() is { } bundled
                ? bundled.Check(origin)
                : throw new PythonLocatorException(
                    $"{origin} asks for the bundled Python, and there is none: {_bundled.Absence}.", [$"{origin} '{path}': {_bundled.Absence}"]);
        }

        string? problem = null;
        LocatedPython? located = null;
        if (Directory.Exists(path))
        {
            problem = "is a folder; name a libpython or a python executable";
        }
        else if (!File.Exists(path))
        {
            problem = "does not exist";
        }
        else if (ExplicitPython.IsLibraryName(path))
        {
            located = FromLibrary(Path.GetFullPath(path), origin, out problem);
        }
        else
        {
            located = FromInterpreter(Path.GetFullPath(path), origin, out problem);
        }

        if (located is not null)
        {
            return located;
        }

        string place = $"{origin} '{path}': {problem}";
        throw new PythonLocatorException($"Cannot use the Python named by {place}.", [place]);
    }

    // A bundled Python's library is checked as that bundle (an unusable one is an error, not a reason to take another Python,
    // since the program was built to run with it), so naming it gives what finding it gives.
    private static LocatedPython? FromLibrary(string library, string origin, out string? problem)
    {
        if (BundledPython.Containing(library) is { } bundled)
        {
            problem = null;
            return bundled.Check(origin);
        }

        Version? version = CheckedVersion(library, out problem);
        return version is null ? null : new LocatedPython(library, version, ExecutableFor(library, version), origin);
    }

    private static LocatedPython? FromInterpreter(string executable, string origin, out string? problem)
    {
        PythonInterpreter interpreter;
        try
        {
            interpreter = new InterpreterLocator().Inspect(executable);
        }
        catch (InterpreterDiscoveryException exception)
        {
            problem = $"is not a usable python executable ({exception.Message})";
            return null;
        }

        if (!IsSupported(interpreter.Version))
        {
            problem = Unsupported(interpreter.Version);
            return null;
        }

        if (interpreter.LibPythonPath is null)
        {
            problem = $"is Python {interpreter.Version.ToString(3)} without a shared libpython (a static build; install its " +
                $"libpython{interpreter.MinorVersion} package, or name the library)";
            return null;
        }

        Version? version = CheckedVersion(interpreter.LibPythonPath, out problem);
        return version is null ? null : new LocatedPython(interpreter.LibPythonPath, version, executable, origin);
    }

    // Loads the library to read its version (so an unsupported one is refused before pythonnet tries it).
    private static Version? CheckedVersion(string library, out string? problem)
    {
        Version? version = LibPython.ReadVersion(library, out problem);
        if (version is not null && !IsSupported(version))
        {
            problem = Unsupported(version);
            return null;
        }

        return version;
    }

    private static string Unsupported(Version version) =>
        $"is Python {version.ToString(3)}, which pythonnet does not support (it supports Python {SupportedVersionsText})";

    // The interpreter of a library: <prefix>/bin/python3 (or python3.X) above it, as for pyenv's <prefix>/lib and
    // Debian's /usr/lib/<triplet>. python3 is preferred when it is that very interpreter: it is what users run.
    private static string? ExecutableFor(string library, Version version)
    {
        DirectoryInfo? folder = new FileInfo(library).Directory?.Parent;
        for (int level = 0; level < ParentsSearchedForExecutable && folder is not null; level++, folder = folder.Parent)
        {
            string versioned = Path.Combine(folder.FullName, "bin", $"python{version.Major}.{version.Minor}");
            if (!File.Exists(versioned))
            {
                continue;
            }

            string plain = Path.Combine(folder.FullName, "bin", $"python{version.Major}");
            return File.Exists(plain) && RealPaths.Resolve(plain) == RealPaths.Resolve(versioned) ? plain : versioned;
        }

        return null;
    }
}
