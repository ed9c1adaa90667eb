using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using MmapNet.Host.Native;

namespace MmapNet.Host;

/// <summary>
/// The CPython that a <c>MmapNet.Python.Runtime.&lt;rid&gt;</c> package puts in a .NET program's folder: Debian's CPython,
/// laid out as a Python home in <c>runtimes/&lt;rid&gt;/python</c> (<c>lib/libpython3.X.so.1.0</c>, <c>lib/python3.X</c>,
/// the libraries it links to, and <c>python-runtime.cfg</c>, which says what it is and what it needs from the system).
/// <see cref="PythonLocator"/> uses it when nothing else is asked for.
/// </summary>
/// <remarks>
/// It is not where its library was built to live, so the interpreter is given <see cref="Home"/> before it starts
/// (<see cref="LocatedPython.Home"/>): it then takes its standard library from there and from nowhere else.
/// </remarks>
public sealed class BundledPython
{
    /// <summary>The file in <see cref="Home"/> that describes the bundled interpreter.</summary>
    public const string ManifestFileName = "python-runtime.cfg";

    /// <summary>The package for a runtime identifier is this followed by the identifier: <c>MmapNet.Python.Runtime.linux-x64</c>.</summary>
    public const string PackageIdPrefix = "MmapNet.Python.Runtime.";

    private BundledPython(string home, Manifest manifest)
    {
        Home = home;
        LibraryPath = Path.Combine(home, manifest.Library);
        StandardLibraryPath = Path.Combine(home, manifest.StandardLibrary);
        Version = manifest.PythonVersion;
        RuntimeIdentifier = manifest.RuntimeIdentifier;
        MinimumGlibcVersion = manifest.MinimumGlibcVersion;
        SystemLibraries = manifest.SystemLibraries;
    }

    /// <summary>The Python home: the folder with <c>lib/libpython3.X.so.1.0</c> and <c>lib/python3.X</c>.</summary>
    public string Home { get; }

    /// <summary>The shared libpython.</summary>
    public string LibraryPath { get; }

    /// <summary>The standard library's folder (<c>lib/python3.X</c>).</summary>
    public string StandardLibraryPath { get; }

    /// <summary>The Python version (major.minor.micro).</summary>
    public Version Version { get; }

    /// <summary>The runtime identifier it was built for (<c>linux-x64</c>).</summary>
    public string RuntimeIdentifier { get; }

    /// <summary>The NuGet package it comes from: <c>MmapNet.Python.Runtime.linux-x64</c>.</summary>
    public string PackageId => PackageIdPrefix + RuntimeIdentifier;

    /// <summary>The oldest glibc it runs with: the newest symbol version any of its files needs.</summary>
    public Version MinimumGlibcVersion { get; }

    /// <summary>
    /// The libraries other than glibc's that it leaves to the system, each with what needs it. A required one is needed by
    /// libpython itself; the others only by some extension modules, which then fail to import where the library is missing.
    /// </summary>
    public IReadOnlyList<SystemLibraryRequirement> SystemLibraries { get; }

    /// <summary>
    /// This machine's runtime identifier as the packages name it (<c>linux-x64</c>, <c>linux-arm64</c>), or
    /// <see langword="null"/> where no package can exist (not Linux, or an architecture Debian has no CPython for here).
    /// </summary>
    public static string? CurrentRuntimeIdentifier =>
        !OperatingSystem.IsLinux() ? null : RuntimeInformation.OSArchitecture switch
        {
            Architecture.X64 => "linux-x64",
            Architecture.Arm64 => "linux-arm64",
            _ => null,
        };

    /// <summary>Where a package puts the interpreter for this machine in <paramref name="applicationFolder"/>: <c>runtimes/&lt;rid&gt;/python</c>.</summary>
    /// <param name="applicationFolder">A program's folder (its output or publish folder).</param>
    /// <returns>The folder, or <see langword="null"/> when <see cref="CurrentRuntimeIdentifier"/> is.</returns>
    public static string? HomeIn(string applicationFolder)
    {
        ArgumentNullException.ThrowIfNull(applicationFolder);
        return CurrentRuntimeIdentifier is { } rid ? Path.Combine(Path.GetFullPath(applicationFolder), "runtimes", rid, "python") : null;
    }

    /// <summary>The bundled interpreter in <paramref name="applicationFolder"/> for this machine, if a package put one there.</summary>
    /// <param name="applicationFolder">A program's folder: <see cref="AppContext.BaseDirectory"/> for this one.</param>
    /// <returns>The interpreter, or <see langword="null"/> when there is no <see cref="ManifestFileName"/> where <see cref="HomeIn"/> says.</returns>
    /// <exception cref="PythonLocatorException">The manifest is there but cannot be read.</exception>
    public static BundledPython? Find(string applicationFolder)
    {
        string? home = HomeIn(applicationFolder);
        return home is not null && File.Exists(Path.Combine(home, ManifestFileName)) ? Load(home) : null;
    }

    /// <summary>The bundled interpreter whose libpython is <paramref name="libraryPath"/>, so that naming it (<c>--python</c>) gives the same interpreter as finding it.</summary>
    /// <param name="libraryPath">A libpython.</param>
    /// <returns>The interpreter, or <see langword="null"/> when the library is not that of a bundled interpreter.</returns>
    /// <exception cref="PythonLocatorException">A manifest is there but cannot be read.</exception>
    public static BundledPython? Containing(string libraryPath)
    {
        ArgumentNullException.ThrowIfNull(libraryPath);
        string library = Path.GetFullPath(libraryPath);

        // The home is the folder above lib/, as in the packages.
        string? home = new FileInfo(library).Directory?.Parent?.FullName;
        if (home is null || !File.Exists(Path.Combine(home, ManifestFileName)))
        {
            return null;
        }

        BundledPython bundled = Load(home);
        return bundled.LibraryPath == library ? bundled : null;
    }

    /// <summary>
    /// The system libraries the bundled interpreter leaves to the system that cannot be loaded here (each is loaded to
    /// find out, then unloaded). For a report: the modules that need them cannot be imported.
    /// </summary>
    /// <returns>The missing ones, with the dynamic linker's message.</returns>
    public IReadOnlyList<(SystemLibraryRequirement Library, string Problem)> FindMissingSystemLibraries()
    {
        List<(SystemLibraryRequirement, string)> missing = new();
        foreach (SystemLibraryRequirement library in SystemLibraries)
        {
            if (!DynamicLinker.CanLoad(library.Name, out string? error))
            {
                missing.Add((library, error!));
            }
        }

        return missing;
    }

    /// <summary>A one-line description: version, package and folder.</summary>
    public override string ToString() => $"Python {Version.ToString(3)} from {PackageId} ({Home})";

    /// <summary>
    /// Checks that this machine can run it and returns it as the Python to embed, with its <see cref="LocatedPython.Home"/>.
    /// In order: glibc's version; the files an interpreter cannot start without (a missing standard library is a fatal
    /// error inside libpython, which ends the process); each required system library; then loading libpython itself, whose
    /// failure names the missing library (the dynamic linker's message).
    /// </summary>
    /// <param name="origin">How it was chosen, for <see cref="LocatedPython.Origin"/>.</param>
    /// <returns>The Python to embed.</returns>
    /// <exception cref="PythonLocatorException">It cannot run here; the message says why, naming what is missing.</exception>
    internal LocatedPython Check(string origin)
    {
        string subject = $"The bundled Python ({this})";
        Version? glibc = DynamicLinker.GlibcVersion();
        if (glibc is null)
        {
            throw Unusable($"{subject} needs glibc {MinimumGlibcVersion} or newer, and this system's C library is not glibc.");
        }

        if (glibc < MinimumGlibcVersion)
        {
            throw Unusable($"{subject} needs glibc {MinimumGlibcVersion} or newer; this system has glibc {glibc}.");
        }

        string[] essentials =
        [
            LibraryPath,
            Path.Combine(StandardLibraryPath, "os.py"),
            Path.Combine(StandardLibraryPath, "encodings", "__init__.py"),
        ];
        if (essentials.FirstOrDefault(path => !File.Exists(path)) is { } absent)
        {
            throw Unusable($"{subject} is incomplete: {absent} is missing. Build or publish the program again to restore the files of {PackageId}.");
        }

        foreach (SystemLibraryRequirement library in SystemLibraries.Where(library => library.Required))
        {
            if (!DynamicLinker.CanLoad(library.Name, out string? error))
            {
                throw Unusable($"{subject} needs {library.Name} from the system, which cannot be loaded: {error}");
            }
        }

        if (!DynamicLinker.TryLoadForGood(LibraryPath, out string? loadError))
        {
            throw Unusable($"{subject} cannot be loaded: {loadError}");
        }

        Version? version = LibPython.ReadVersion(LibraryPath, out string? problem);
        if (version is null || !PythonLocator.IsSupported(version))
        {
            throw Unusable($"{subject} cannot be used: {LibraryPath} {problem ?? $"is Python {version}, which pythonnet does not support"}.");
        }

        return new LocatedPython(LibraryPath, version, ExecutablePath: null, origin) { Home = Home };
    }

    private static PythonLocatorException Unusable(string message) => new(message, [message]);

    private static BundledPython Load(string home)
    {
        string manifestPath = Path.Combine(home, ManifestFileName);
        try
        {
            return new BundledPython(home, Manifest.Read(File.ReadAllText(manifestPath)));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException or ArgumentException)
        {
            throw new PythonLocatorException($"The bundled Python's description {manifestPath} cannot be read: {exception.Message}", exception);
        }
    }

    // python-runtime.cfg, as build-python-runtime.sh writes it: "key = value" lines, as in pyvenv.cfg. Not JSON: the file
    // is read at every start, and System.Text.Json's first use costs a program about 10 ms of CPU here.
    private sealed record Manifest(
        string Library,
        string StandardLibrary,
        Version PythonVersion,
        string RuntimeIdentifier,
        Version MinimumGlibcVersion,
        IReadOnlyList<SystemLibraryRequirement> SystemLibraries)
    {
        public static Manifest Read(string text)
        {
            Dictionary<string, List<string>> values = new(StringComparer.Ordinal);
            foreach (string line in text.Split('\n'))
            {
                int equals = line.IndexOf('=', StringComparison.Ordinal);
                if (line.StartsWith('#') || equals < 0)
                {
                    continue;
                }

                string key = line[..equals].Trim();
                if (!values.TryGetValue(key, out List<string>? list))
                {
                    values[key] = list = [];
                }

                list.Add(line[(equals + 1)..].Trim());
            }

            string Single(string key) =>
                values.TryGetValue(key, out List<string>? list) && list.Count == 1 ? list[0] : throw new FormatException($"no single '{key}' line");

            return new Manifest(
                RelativePath(Single("library")),
                RelativePath(Single("standard-library")),
                Version.Parse(Single("version")),
                Single("runtime-identifier"),
                Version.Parse(Single("minimum-glibc")),
                values.GetValueOrDefault("system-library", []).Select(SystemLibrary).ToList());
        }

        // "SONAME required|optional WHAT-NEEDS-IT..."
        private static SystemLibraryRequirement SystemLibrary(string value)
        {
            string[] fields = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return fields.Length >= 2 && fields[1] is "required" or "optional"
                ? new SystemLibraryRequirement(fields[0], fields[1] == "required", fields[2..])
                : throw new FormatException($"'system-library = {value}' is not 'SONAME required|optional ...'");
        }

        // Paths in the manifest stay inside the home folder.
        private static string RelativePath(string path) =>
            path.Length == 0 || Path.IsPathRooted(path) || path.Split('/').Contains("..")
                ? throw new FormatException($"'{path}' is not a path inside the folder")
                : path;
    }
}
