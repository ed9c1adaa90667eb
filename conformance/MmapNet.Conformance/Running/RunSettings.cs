using System;
using System.Collections.Generic;

namespace MmapNet.Conformance.Running;

/// <summary>How the runner runs cases.</summary>
public sealed record RunSettings
{
    /// <summary>The module the reference side uses: CPython's own.</summary>
    public const string ReferenceModule = "mmap";

    /// <summary>The implementation under test unless told otherwise.</summary>
    public const string DefaultImplementationModule = "mmapnet";

    /// <summary>The default time limit of one run of a case.</summary>
    public static readonly TimeSpan DefaultCaseTimeout = TimeSpan.FromSeconds(60);

    /// <summary>The default time limit of one run of CPython's test_mmap.</summary>
    public static readonly TimeSpan DefaultStdlibTestTimeout = TimeSpan.FromSeconds(600);

    /// <summary>The repository the runner works in.</summary>
    public required RepositoryLayout Layout { get; init; }

    /// <summary>The module that replaces <c>mmap</c> on the implementation side.</summary>
    public string ImplementationModule { get; init; } = DefaultImplementationModule;

    /// <summary>How runs of the implementation module are started (the reference module always runs under the interpreter).</summary>
    public ImplementationFlavour Flavour { get; init; } = ImplementationFlavour.Python;

    /// <summary>The <c>mmapnet-host</c> of the host flavour; <see langword="null"/> for the Release build's (<see cref="RepositoryLayout.HostExecutable"/>).</summary>
    public string? HostExecutable { get; init; }

    /// <summary>Folders added to PYTHONPATH after the repository's <c>python/</c> folder (for implementations elsewhere).</summary>
    public IReadOnlyList<string> ExtraPythonPaths { get; init; } = Array.Empty<string>();

    /// <summary>The time limit of one run of a case; past it the run's process tree is killed.</summary>
    public TimeSpan CaseTimeout { get; init; } = DefaultCaseTimeout;

    /// <summary>The time limit of one run of CPython's test_mmap.</summary>
    public TimeSpan StdlibTestTimeout { get; init; } = DefaultStdlibTestTimeout;

    /// <summary>How many (interpreter, case) pairs run at once; each pair runs its two sides one after the other.</summary>
    public int Jobs { get; init; } = Environment.ProcessorCount;

    /// <summary>How much of each of a run's stdout and stderr is kept (the rest is counted, and the count is compared).</summary>
    public int MaxCapturedBytes { get; init; } = 1024 * 1024;
}
