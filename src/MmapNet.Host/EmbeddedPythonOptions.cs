namespace MmapNet.Host;

/// <summary>How <see cref="EmbeddedPython.Start"/> sets up the embedded interpreter.</summary>
public sealed class EmbeddedPythonOptions
{
    /// <summary>
    /// Whether <c>import mmap</c> gives <c>mmapnet</c> (<c>sys.modules['mmap']</c> is set to it), so unchanged code that uses
    /// the standard library's module runs on MmapNet. On by default.
    /// </summary>
    public bool ServeMmapModule { get; init; } = true;

    /// <summary>
    /// Whether Python gets the signal dispositions it has in the <c>python</c> program: SIGINT raises KeyboardInterrupt in
    /// the main thread (the one that called <see cref="EmbeddedPython.Start"/>), SIGTERM terminates the process at once, and
    /// SIGPIPE and SIGXFSZ are ignored. This takes these signals away from .NET (Console.CancelKeyPress, graceful SIGTERM),
    /// so it is off by default; <c>mmapnet-host</c> turns it on.
    /// </summary>
    public bool InstallSignalHandlers { get; init; }

    /// <summary>
    /// The folder that holds the <c>mmapnet</c> Python package (<c>mmapnet/__init__.py</c>), or <see langword="null"/> for
    /// the copy next to this assembly (<c>python/</c>, which the build and the package put there).
    /// </summary>
    public string? PythonPackageDirectory { get; init; }

    /// <summary>The name python's own messages give the program, as in "NAME: can't open file ...".</summary>
    public string ProgramName { get; init; } = "mmapnet-host";
}
