using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace MmapNet.Discovery;

/// <summary>
/// Finds the CPython interpreters on this machine: those of its sources, every pyenv version (<see cref="PyenvInterpreters"/>)
/// and <c>/usr/bin/python3</c> (<see cref="SystemInterpreter"/>), or exactly the ones named in <see cref="OverrideVariable"/>.
/// Candidates are deduplicated by real path, each is queried once, and only supported versions (<see cref="PythonVersions"/>)
/// are kept.
/// </summary>
public sealed class InterpreterLocator
{
    /// <summary>
    /// The environment variable that replaces the automatic search: interpreter executables separated by
    /// <see cref="Path.PathSeparator"/>. Every one of them must be usable, or the search fails naming it.
    /// </summary>
    public const string OverrideVariable = "MMAPNET_PYTHONS";

    /// <summary>The system interpreter the automatic search always considers: <see cref="SystemInterpreter.ExecutablePath"/>.</summary>
    public const string SystemPython = SystemInterpreter.ExecutablePath;

    /// <summary>The oldest supported major.minor version: <see cref="PythonVersions.OldestSupported"/>.</summary>
    public static readonly Version OldestSupported = PythonVersions.OldestSupported;

    /// <summary>The newest supported major.minor version (any micro release of it is supported): <see cref="PythonVersions.NewestSupported"/>.</summary>
    public static readonly Version NewestSupported = PythonVersions.NewestSupported;

    // Queries are cached for the life of the process by real path and modification time: the runner and each test
    // fixture search again, and an interpreter does not change under a running test session.
    private static readonly ConcurrentDictionary<(string RealPath, DateTime Modified), InterpreterFacts> s_factsCache = new();

    private readonly Func<string, string?> _getEnvironmentVariable;
    private readonly Pyenv _pyenv;
    private readonly IReadOnlyList<IPythonSource> _sources;
    private readonly InterpreterQuery _query;

    /// <summary>Creates a locator that reads the process environment.</summary>
    public InterpreterLocator()
        : this(Environment.GetEnvironmentVariable)
    {
    }

    /// <summary>Creates a locator that reads environment variables through <paramref name="getEnvironmentVariable"/>.</summary>
    /// <param name="getEnvironmentVariable">
    /// Returns the value of an environment variable or <see langword="null"/>; used for <see cref="OverrideVariable"/>,
    /// <c>PYENV_ROOT</c> and <c>HOME</c>.
    /// </param>
    public InterpreterLocator(Func<string, string?> getEnvironmentVariable)
        : this(getEnvironmentVariable, TimeSpan.FromSeconds(30))
    {
    }

    /// <summary>Creates a locator with an explicit time limit for querying one interpreter.</summary>
    /// <param name="getEnvironmentVariable">Returns the value of an environment variable or <see langword="null"/>.</param>
    /// <param name="queryTimeout">How long one interpreter may take to answer the query.</param>
    public InterpreterLocator(Func<string, string?> getEnvironmentVariable, TimeSpan queryTimeout)
    {
        ArgumentNullException.ThrowIfNull(getEnvironmentVariable);
        _getEnvironmentVariable = getEnvironmentVariable;
        _pyenv = new Pyenv(getEnvironmentVariable);
        _sources = [new PyenvInterpreters(_pyenv), new SystemInterpreter()];
        _query = new InterpreterQuery(queryTimeout);
    }

    /// <summary>The pyenv root this locator searches: <see cref="Pyenv.Root"/>.</summary>
    public string PyenvRoot => _pyenv.Root;

    /// <summary>Whether <paramref name="version"/> is between <see cref="OldestSupported"/> and <see cref="NewestSupported"/> (by major.minor).</summary>
    /// <param name="version">An interpreter version.</param>
    /// <returns><see langword="true"/> for any micro release of a supported major.minor.</returns>
    public static bool IsSupported(Version version) => PythonVersions.IsSupported(version);

    /// <summary>Finds the usable interpreters; see <see cref="Search"/>.</summary>
    /// <returns>The interpreters ordered by version, then label.</returns>
    /// <exception cref="InterpreterDiscoveryException">An interpreter named in <see cref="OverrideVariable"/> is not usable.</exception>
    public IReadOnlyList<PythonInterpreter> FindAll() => Search().Interpreters;

    /// <summary>
    /// Searches for interpreters. With <see cref="OverrideVariable"/> set, exactly the interpreters it names are used, and any
    /// that is not usable (missing, not runnable, unsupported version) fails the search. Otherwise every pyenv version and
    /// <see cref="SystemPython"/> are candidates; unusable ones are skipped and listed in <see cref="InterpreterSearchResult.Skipped"/>.
    /// </summary>
    /// <returns>The usable interpreters (ordered by version, then label) and the skipped candidates.</returns>
    /// <exception cref="InterpreterDiscoveryException">An interpreter named in <see cref="OverrideVariable"/> is not usable.</exception>
    public InterpreterSearchResult Search()
    {
        List<string>? overridden = OverrideEntries();
        if (overridden is not null)
        {
            if (overridden.Count == 0)
            {
                throw new InterpreterDiscoveryException(
                    $"{OverrideVariable} is set but names no interpreter; unset it to search automatically.");
            }

            List<Described> described = overridden.Select(path => Describe(path, $"{OverrideVariable} names ")).ToList();
            return new InterpreterSearchResult(Finish(described), Array.Empty<SkippedInterpreter>(), FromOverride: true);
        }

        ConcurrentBag<Described> found = new();
        ConcurrentBag<SkippedInterpreter> skipped = new();
        List<string> candidates = DistinctByRealPath(AutomaticCandidates());
        Parallel.ForEach(candidates, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, candidate =>
        {
            try
            {
                found.Add(Describe(candidate, string.Empty));
            }
            catch (InterpreterDiscoveryException exception)
            {
                skipped.Add(new SkippedInterpreter(candidate, exception.Message));
            }
        });

        return new InterpreterSearchResult(
            Finish(found.ToList()),
            skipped.OrderBy(s => s.ExecutablePath, StringComparer.Ordinal).ToList(),
            FromOverride: false);
    }

    /// <summary>
    /// The candidate executables the automatic search would query (ignoring <see cref="OverrideVariable"/>), after deduplication
    /// by real path.
    /// </summary>
    /// <returns>Existing executable paths.</returns>
    public IReadOnlyList<string> AutomaticCandidatePaths() => DistinctByRealPath(AutomaticCandidates());

    /// <summary>
    /// Queries one interpreter executable, whatever its version (check <see cref="IsSupported"/>). Its label is made as in a
    /// search, without the uniqueness suffix a search may add.
    /// </summary>
    /// <param name="executable">The interpreter executable.</param>
    /// <returns>The interpreter.</returns>
    /// <exception cref="InterpreterDiscoveryException">The executable is missing, cannot be run, or does not answer the query.</exception>
    public PythonInterpreter Inspect(string executable)
    {
        ArgumentException.ThrowIfNullOrEmpty(executable);
        Described described = Query(executable, string.Empty);
        return described.ToInterpreter(described.BaseLabel);
    }

    private List<string>? OverrideEntries()
    {
        string? value = _getEnvironmentVariable(OverrideVariable);
        if (value is null)
        {
            return null;
        }

        return value.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
    }

    // The sources' interpreters, in the sources' order (_sources: pyenv's versions, then the system's interpreter).
    private IEnumerable<string> AutomaticCandidates() =>
        _sources.SelectMany(source => source.Candidates()).Select(candidate => candidate.Path).OfType<string>();

    private static List<string> DistinctByRealPath(IEnumerable<string> candidates)
    {
        HashSet<string> seen = new(StringComparer.Ordinal);
        List<string> distinct = new();
        foreach (string candidate in candidates)
        {
            if (seen.Add(RealPaths.Resolve(candidate)))
            {
                distinct.Add(candidate);
            }
        }

        return distinct;
    }

    // Queries an interpreter and checks it is a supported CPython; problems are reported as "<context>'<path>', which ...".
    private Described Describe(string executable, string context)
    {
        Described described = Query(executable, context);
        if (!described.Facts.IsCPython)
        {
            throw new InterpreterDiscoveryException(
                $"{context}'{executable}', which is {described.Facts.Implementation} {described.Version}, not CPython.");
        }

        if (!IsSupported(described.Version))
        {
            throw new InterpreterDiscoveryException(
                $"{context}'{executable}', which is Python {described.Version}; supported versions are " +
                $"{PythonVersions.SupportedRange}.");
        }

        return described;
    }

    private Described Query(string executable, string context)
    {
        string fullPath = Path.GetFullPath(executable);
        if (!File.Exists(fullPath))
        {
            throw new InterpreterDiscoveryException($"{context}'{executable}', which does not exist.");
        }

        string realPath = RealPaths.Resolve(fullPath);
        (string realPath, DateTime) key = (realPath, File.GetLastWriteTimeUtc(realPath));
        if (!s_factsCache.TryGetValue(key, out InterpreterFacts? facts))
        {
            try
            {
                facts = _query.Run(fullPath);
            }
            catch (InterpreterQueryException exception)
            {
                throw new InterpreterDiscoveryException($"{context}'{executable}', which {exception.Message}", exception);
            }

            s_factsCache.TryAdd(key, facts);
        }

        return new Described(fullPath, realPath, facts, BaseLabel(facts.Version, fullPath, realPath));
    }

    private string BaseLabel(Version version, string fullPath, string realPath)
    {
        return $"{version.ToString(3)}-{Origin(fullPath, realPath)}";
    }

    private string Origin(string fullPath, string realPath)
    {
        string pyenvVersions = _pyenv.VersionsFolder + Path.DirectorySeparatorChar;
        string pyenvVersionsReal = RealPaths.Resolve(_pyenv.VersionsFolder) + Path.DirectorySeparatorChar;
        if (fullPath.StartsWith(pyenvVersions, StringComparison.Ordinal) ||
            realPath.StartsWith(pyenvVersionsReal, StringComparison.Ordinal))
        {
            return "pyenv";
        }

        if (realPath.StartsWith("/usr/local/", StringComparison.Ordinal))
        {
            return "local";
        }

        if (realPath.StartsWith("/usr/", StringComparison.Ordinal) || realPath.StartsWith("/bin/", StringComparison.Ordinal))
        {
            return "system";
        }

        return "custom";
    }

    // Removes duplicates (by real path; the override may name one interpreter twice), orders by version then label, and makes
    // labels unique by numbering repeats ("3.12.1-custom", "3.12.1-custom-2").
    private static List<PythonInterpreter> Finish(IEnumerable<Described> described)
    {
        List<Described> distinct = described
            .GroupBy(d => d.RealPath, StringComparer.Ordinal)
            .Select(group => group.First())
            .OrderBy(d => d.Version)
            .ThenBy(d => d.BaseLabel, StringComparer.Ordinal)
            .ThenBy(d => d.ExecutablePath, StringComparer.Ordinal)
            .ToList();

        Dictionary<string, int> labelCounts = new(StringComparer.Ordinal);
        List<PythonInterpreter> interpreters = new(distinct.Count);
        foreach (Described d in distinct)
        {
            int count = labelCounts.GetValueOrDefault(d.BaseLabel) + 1;
            labelCounts[d.BaseLabel] = count;
            string label = count == 1 ? d.BaseLabel : string.Create(CultureInfo.InvariantCulture, $"{d.BaseLabel}-{count}");
            interpreters.Add(d.ToInterpreter(label));
        }

        return interpreters;
    }

    private sealed record Described(string ExecutablePath, string RealPath, InterpreterFacts Facts, string BaseLabel)
    {
        public Version Version => Facts.Version;

        public PythonInterpreter ToInterpreter(string label) =>
            new(ExecutablePath, RealPath, Facts.Version, label, Facts.LibPythonPath, Facts.HasStdlibMmapTests);
    }
}
