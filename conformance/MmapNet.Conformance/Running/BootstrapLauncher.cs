using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using MmapNet.Conformance.Transcripts;
using MmapNet.Discovery;

namespace MmapNet.Conformance.Running;

/// <summary>What the bootstrap wrote to its status file.</summary>
/// <param name="Requested">The module asked for.</param>
/// <param name="ServedBy">The name of the module that served <c>mmap</c>.</param>
/// <param name="File">That module's file.</param>
/// <param name="MmapType">The qualified name of its <c>mmap</c> type.</param>
/// <param name="Error">Why the module could not be installed, if it could not.</param>
/// <param name="Finished">Whether the case (or module) ran to its end without the process dying.</param>
/// <param name="ExitCode">The exit code Python was about to exit with, when <paramref name="Finished"/>.</param>
public sealed record BootstrapStatus(
    string? Requested,
    string? ServedBy,
    string? File,
    string? MmapType,
    string? Error,
    bool Finished,
    int? ExitCode)
{
    internal static BootstrapStatus? Read(string path)
    {
        if (!System.IO.File.Exists(path))
        {
            return null;
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(System.IO.File.ReadAllText(path));
            JsonElement root = document.RootElement;
            return new BootstrapStatus(
                Text(root, "requested"),
                Text(root, "served_by"),
                Text(root, "file"),
                Text(root, "mmap_type"),
                Text(root, "error"),
                root.TryGetProperty("finished", out JsonElement finished) && finished.ValueKind == JsonValueKind.True,
                root.TryGetProperty("exit_code", out JsonElement code) && code.ValueKind == JsonValueKind.Number ? code.GetInt32() : null);
        }
        catch (JsonException)
        {
            return null; // half written when the process died
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

/// <summary>One run through the bootstrap.</summary>
/// <param name="Module">The module that served (or was to serve) <c>mmap</c>.</param>
/// <param name="Process">The process result.</param>
/// <param name="Status">The bootstrap's status file, if it wrote one.</param>
/// <param name="Transcript">The transcript, when the run got as far as running the case.</param>
/// <param name="Error">Why the run could not start the case (process not started, module not installable), or <see langword="null"/>.</param>
public sealed record BootstrapRun(
    string Module,
    ProcessResult Process,
    BootstrapStatus? Status,
    Transcript? Transcript,
    string? Error);

/// <summary>
/// Runs <c>conformance/harness/bootstrap.py</c> with one interpreter and one mmap module. This is the one place that decides
/// a run's command line and environment, so that the reference and the implementation side differ only in the module.
/// </summary>
public sealed class BootstrapLauncher
{
    /// <summary>The variable that tells the bootstrap where to write its status.</summary>
    public const string StatusVariable = "MMAPNET_BOOTSTRAP_STATUS";

    /// <summary>The variable that makes <c>import mmapnet</c> initialise pythonnet's <c>clr</c> (<see cref="ImplementationFlavour.PythonWithClr"/>).</summary>
    public const string ClrVariable = "MMAPNET_CLR";

    private readonly RunSettings _settings;

    /// <summary>Creates a launcher.</summary>
    /// <param name="settings">The run settings.</param>
    public BootstrapLauncher(RunSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
    }

    /// <summary>
    /// PYTHONPATH for a run: the repository's <c>python/</c> folder, the extra folders, the cases root (for shared helpers
    /// such as <c>casekit</c>), and, when the module is one of the runner's test doubles, <c>conformance/fixtures</c>.
    /// </summary>
    /// <param name="module">The mmap module of the run.</param>
    /// <param name="casesRoot">The cases root, or <see langword="null"/>.</param>
    /// <returns>The folders, in order.</returns>
    public IReadOnlyList<string> PythonPath(string module, string? casesRoot)
    {
        List<string> folders = new() { _settings.Layout.PythonFolder };
        folders.AddRange(_settings.ExtraPythonPaths.Select(Path.GetFullPath));
        if (casesRoot is not null)
        {
            folders.Add(casesRoot);
        }

        if (System.IO.File.Exists(Path.Combine(_settings.Layout.FixturesFolder, module + ".py")))
        {
            folders.Add(_settings.Layout.FixturesFolder);
        }

        return folders;
    }

    /// <summary>
    /// The complete environment of a run: this process's environment without the variables that change how Python behaves
    /// (every <c>PYTHON*</c> except pythonnet's <c>PYTHONNET_*</c>, and colour forcing), plus PYTHONPATH, a fixed hash seed,
    /// no bytecode files, unbuffered output (so that what a crashing run printed is not lost), the fault handler (its dump
    /// goes to stderr, which is not compared), C.UTF-8, a private TMPDIR, and the status file.
    /// </summary>
    /// <param name="module">The mmap module of the run.</param>
    /// <param name="casesRoot">The cases root, or <see langword="null"/>.</param>
    /// <param name="statusFile">Where the bootstrap writes its status.</param>
    /// <param name="temporaryFolder">The run's TMPDIR.</param>
    /// <returns>The environment.</returns>
    public IReadOnlyDictionary<string, string> Environment(string module, string? casesRoot, string statusFile, string temporaryFolder)
    {
        SortedDictionary<string, string> environment = new(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            string name = (string)entry.Key;
            if (IsInherited(name) && entry.Value is string value)
            {
                environment[name] = value;
            }
        }

        environment["PYTHONPATH"] = string.Join(Path.PathSeparator, PythonPath(module, casesRoot));
        environment["PYTHONHASHSEED"] = "0";
        environment["PYTHONDONTWRITEBYTECODE"] = "1";
        environment["PYTHONUNBUFFERED"] = "1";
        environment["PYTHONFAULTHANDLER"] = "1";
        environment["PYTHON_COLORS"] = "0";
        environment["NO_COLOR"] = "1";
        environment["LC_ALL"] = "C.UTF-8";
        environment["LANG"] = "C.UTF-8";
        environment["TMPDIR"] = temporaryFolder;
        environment[StatusVariable] = statusFile;
        if (_settings.Flavour == ImplementationFlavour.PythonWithClr && module != RunSettings.ReferenceModule)
        {
            environment[ClrVariable] = "1";
        }

        return environment;
    }

    /// <summary>
    /// The program and arguments of a run: <c>python bootstrap.py MODULE TARGET...</c>, or, for the implementation module in
    /// the <see cref="ImplementationFlavour.Host"/> flavour, <c>mmapnet-host --python LIBPYTHON bootstrap.py MODULE TARGET...</c>
    /// (the interpreter's shared libpython, or the interpreter itself, which the host then asks for it). An interpreter that
    /// runs only under the host (<see cref="BundledInterpreter"/>) runs there on both sides.
    /// </summary>
    /// <param name="interpreter">The interpreter.</param>
    /// <param name="module">The mmap module of the run.</param>
    /// <param name="target">What the bootstrap runs.</param>
    /// <returns>The program and its arguments.</returns>
    public (string Program, IReadOnlyList<string> Arguments) Command(PythonInterpreter interpreter, string module, IReadOnlyList<string> target)
    {
        ArgumentNullException.ThrowIfNull(interpreter);
        ArgumentNullException.ThrowIfNull(target);
        List<string> arguments = new() { _settings.Layout.BootstrapScript, module };
        arguments.AddRange(target);
        string host = _settings.HostExecutable ?? _settings.Layout.HostExecutable;
        if (!BundledInterpreter.RunsOnlyUnder(interpreter, host) &&
            (_settings.Flavour != ImplementationFlavour.Host || module == RunSettings.ReferenceModule))
        {
            return (interpreter.ExecutablePath, arguments);
        }

        arguments.InsertRange(0, ["--python", interpreter.LibPythonPath ?? interpreter.ExecutablePath]);
        return (host, arguments);
    }

    /// <summary>
    /// Runs the bootstrap in a fresh <paramref name="runFolder"/> (emptied first; the run's working folder is
    /// <c>runFolder/work</c>, its TMPDIR <c>runFolder/tmp</c>).
    /// </summary>
    /// <param name="interpreter">The interpreter.</param>
    /// <param name="module">The mmap module.</param>
    /// <param name="target">What the bootstrap runs: a case path and its arguments, <c>-m MODULE ...</c>, or <c>--probe</c>.</param>
    /// <param name="casesRoot">The cases root for PYTHONPATH, or <see langword="null"/>.</param>
    /// <param name="runFolder">The run's private folder; the same path for both sides of a comparison, so paths match.</param>
    /// <param name="timeout">The time limit.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The run.</returns>
    public async Task<BootstrapRun> RunAsync(
        PythonInterpreter interpreter,
        string module,
        IReadOnlyList<string> target,
        string? casesRoot,
        string runFolder,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interpreter);
        ArgumentNullException.ThrowIfNull(target);
        RunFolders.Recreate(runFolder);
        string work = Directory.CreateDirectory(Path.Combine(runFolder, "work")).FullName;
        string temporary = Directory.CreateDirectory(Path.Combine(runFolder, "tmp")).FullName;
        string statusFile = Path.Combine(runFolder, "status.json");

        (string? program, IReadOnlyList<string>? arguments) = Command(interpreter, module, target);
        ProcessRequest request = new(
            program,
            arguments,
            work,
            Environment(module, casesRoot, statusFile, temporary),
            timeout,
            _settings.MaxCapturedBytes);
        ProcessResult process = await ProcessRunner.RunAsync(request, cancellationToken).ConfigureAwait(false);
        if (process.StartError is not null)
        {
            return new BootstrapRun(module, process, null, null, process.StartError);
        }

        BootstrapStatus? status = BootstrapStatus.Read(statusFile);
        if (status?.Error is { } setupError)
        {
            return new BootstrapRun(module, process, status, null, setupError);
        }

        Termination termination = process.TimedOut
            ? Termination.Timeout(timeout)
            : Termination.FromExitCode(process.ExitCode, status is { Finished: true } ? status.ExitCode : null);
        return new BootstrapRun(module, process, status, Transcript.FromProcess(process, termination), null);
    }

    // Variables that would make the two sides, or two machines, behave differently are not passed on. PYTHONNET_* are kept:
    // they tell an implementation hosted through pythonnet which runtime to load.
    private static bool IsInherited(string name) =>
        !(name.StartsWith("PYTHON", StringComparison.Ordinal) && !name.StartsWith("PYTHONNET_", StringComparison.Ordinal)) &&
        name is not ("FORCE_COLOR" or "LC_ALL" or "LANG" or "LANGUAGE" or "TMPDIR" or StatusVariable or ClrVariable);
}

/// <summary>Creating and removing the runner's private folders.</summary>
internal static class RunFolders
{
    public static void Recreate(string folder)
    {
        Delete(folder);
        Directory.CreateDirectory(folder);
    }

    // Best effort: a process left behind by a case may still be writing there; its folder is then left to the system's
    // temporary-file cleanup rather than failing the run.
    public static void Delete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
