using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MmapNet.Discovery;
using NUnit.Framework;

namespace MmapNet.Arm64.Tests.Support;

/// <summary>The repository under test and the ARM64 things .ci/setup puts in its artifacts/arm64 folder.</summary>
internal static class Repository
{
    public static string Root { get; } = Locate();

    public static string PythonFolder => Path.Combine(Root, "python");

    public static string NativeAotProject => Path.Combine(Root, "src", "MmapNet.CPython.NativeAot");

    /// <summary>Where <c>dotnet publish src/MmapNet.CPython.NativeAot -c Release -r linux-arm64</c> puts the module.</summary>
    public static string Arm64PublishFolder => Path.Combine(Root, "artifacts", "publish", "MmapNet.CPython.NativeAot", "release_linux-arm64");

    /// <summary>The CoreCLR route's project: its build output is precompiled for this machine, so ARM64 gets its own publish.</summary>
    public static string ManagedProject => Path.Combine(Root, "src", "MmapNet.CPython");

    /// <summary>Where <c>dotnet publish src/MmapNet.CPython -c Release -r linux-arm64</c> puts the CoreCLR route's files.</summary>
    public static string Arm64ManagedPublishFolder => Path.Combine(Root, "artifacts", "publish", "MmapNet.CPython", "release_linux-arm64");

    /// <summary>Debian's arm64 CPython, unpacked (.ci/setup).</summary>
    public static string Arm64Root => Path.Combine(Root, "artifacts", "arm64", "root");

    /// <summary>The script that runs the arm64 python3.11 under qemu-aarch64 (.ci/setup writes it): the interpreter entry.</summary>
    public static string Arm64Python => Path.Combine(Arm64Root, "usr", "bin", "python3");

    /// <summary>The arm64 .NET runtime as a DOTNET_ROOT (.ci/setup, from NuGet).</summary>
    public static string Arm64DotnetRoot => Path.Combine(Root, "artifacts", "arm64", "dotnet");

    private static string Locate()
    {
        for (DirectoryInfo? folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "pyproject.toml")) && File.Exists(Path.Combine(folder.FullName, "MmapNet.sln")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException("No repository (pyproject.toml and MmapNet.sln) above " + AppContext.BaseDirectory);
    }
}

/// <summary>What a command did.</summary>
internal sealed record ToolResult(string CommandLine, int ExitCode, string Stdout, string Stderr, bool TimedOut)
{
    public bool Succeeded => !TimedOut && ExitCode == 0;

    public string Describe() =>
        $"{CommandLine}\n{(TimedOut ? "timed out (process tree killed)" : $"exit code {ExitCode}")}\n" +
        $"--- stdout ---\n{Tail(Stdout)}\n--- stderr ---\n{Tail(Stderr)}";

    private static string Tail(string text) => text.Length <= 6000 ? text : "[...]\n" + text[^6000..];
}

/// <summary>
/// Runs the commands the tests drive, in the test process's environment less what would change how Python or mmapnet
/// behave (PYTHON*, MMAPNET_*, QEMU_*, DOTNET_ROOT, VIRTUAL_ENV), plus what the test sets.
/// </summary>
internal static class Tool
{
    public static ToolResult Run(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null,
        string? workingDirectory = null, TimeSpan? timeout = null)
    {
        ProcessStartInfo start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory ?? Scratch.NewFolder("cwd"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Clear();
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            var name = (string)entry.Key;
            if (!(name.StartsWith("PYTHON", StringComparison.Ordinal) || name.StartsWith("MMAPNET_", StringComparison.Ordinal) ||
                  name.StartsWith("QEMU_", StringComparison.Ordinal) || name is "DOTNET_ROOT" or "VIRTUAL_ENV" or "PIP_REQUIRE_VIRTUALENV"))
            {
                start.Environment[name] = (string?)entry.Value;
            }
        }

        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        start.Environment["PIP_DISABLE_PIP_VERSION_CHECK"] = "1";
        start.Environment["PIP_NO_INPUT"] = "1";
        start.Environment["PIP_ROOT_USER_ACTION"] = "ignore";
        foreach ((string? name, string? value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        var commandLine = string.Join(' ', new[] { fileName }.Concat(start.ArgumentList));
        using Process process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + commandLine);
        process.StandardInput.Close();
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        var exited = process.WaitForExit(timeout ?? TimeSpan.FromMinutes(5));
        if (!exited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        Task.WaitAll(new Task[] { stdout, stderr }, TimeSpan.FromSeconds(30));
        return new ToolResult(commandLine, exited ? process.ExitCode : -1,
            stdout.IsCompletedSuccessfully ? stdout.Result : "", stderr.IsCompletedSuccessfully ? stderr.Result : "", !exited);
    }

    /// <summary>Runs a command; one that fails is a failed test, with its output as the message.</summary>
    public static ToolResult RunChecked(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null,
        string? workingDirectory = null, TimeSpan? timeout = null)
    {
        ToolResult result = Run(fileName, arguments, environment, workingDirectory, timeout);
        if (!result.Succeeded)
        {
            Assert.Fail(result.Describe());
        }

        return result;
    }

    /// <summary>A dotnet command in the repository, with no build server left behind holding its output open.</summary>
    public static ToolResult Dotnet(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null) =>
        RunChecked("dotnet", arguments, new Dictionary<string, string?>(environment ?? new Dictionary<string, string?>())
        {
            ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0",
            ["MSBUILDDISABLENODEREUSE"] = "1",
            ["UseSharedCompilation"] = "false",
            ["DOTNET_NOLOGO"] = "1",
        }, Repository.Root, TimeSpan.FromMinutes(20));
}

/// <summary>The run's scratch folder (venvs, wheels, interpreter entries), removed when the run ends.</summary>
internal static class Scratch
{
    private static readonly Lazy<string> LazyRoot = new(() => Directory.CreateTempSubdirectory("mmapnet-arm64-tests-").FullName);
    private static int counter;

    public static string Root => LazyRoot.Value;

    public static bool Created => LazyRoot.IsValueCreated;

    public static string NewFolder(string name)
    {
        var path = Path.Combine(Root, $"{name}-{Interlocked.Increment(ref counter)}");
        Directory.CreateDirectory(path);
        return path;
    }
}

/// <summary>Removes the scratch folder when every test has run.</summary>
[SetUpFixture]
public sealed class RunCleanup
{
    [OneTimeTearDown]
    public void RemoveScratch()
    {
        if (Scratch.Created && Directory.Exists(Scratch.Root))
        {
            Directory.Delete(Scratch.Root, recursive: true);
        }
    }
}

/// <summary>The NativeAOT module cross-built for linux-arm64 with the README's command, once per test run.</summary>
internal static class Arm64NativeAotBuild
{
    private static readonly Lazy<string> LazyFolder = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The folder holding the aarch64 <c>_mmapnet.so</c>.</summary>
    public static string Folder => LazyFolder.Value;

    private static string Build()
    {
        Tool.Dotnet(["publish", Repository.NativeAotProject, "-c", "Release", "-r", "linux-arm64", "-nodeReuse:false"]);
        Assert.That(Path.Combine(Repository.Arm64PublishFolder, "_mmapnet.so"), Does.Exist);
        return Repository.Arm64PublishFolder;
    }
}

/// <summary>
/// The CoreCLR route's assemblies for linux-arm64, once per test run. The build output next to these tests will not do:
/// it is ReadyToRun code for x86-64, which an arm64 runtime refuses (0x8007000b), beside an x86-64 libmmapnet_faults.so.
/// Published as the wheel publishes them: precompiled for arm64, the C part cross-compiled.
/// </summary>
internal static class Arm64ManagedBuild
{
    private static readonly Lazy<string> LazyFolder = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The folder holding the arm64 MmapNet.CPython.dll and its libmmapnet_faults.so.</summary>
    public static string Folder => LazyFolder.Value;

    private static string Build()
    {
        Tool.Dotnet(["publish", Repository.ManagedProject, "-c", "Release", "-r", "linux-arm64", "--self-contained", "false", "-nodeReuse:false"]);
        Assert.That(Path.Combine(Repository.Arm64ManagedPublishFolder, "MmapNet.CPython.dll"), Does.Exist);
        Assert.That(Path.Combine(Repository.Arm64ManagedPublishFolder, "libmmapnet_faults.so"), Does.Exist);
        return Repository.Arm64ManagedPublishFolder;
    }
}

/// <summary>How mmapnet is loaded in the emulated interpreter.</summary>
public enum Arm64Route
{
    /// <summary>The NativeAOT extension module cross-built for linux-arm64: no .NET runtime.</summary>
    NativeAot,

    /// <summary>CoreCLR booted through hostfxr: the arm64 .NET runtime from NuGet (artifacts/arm64/dotnet), the assemblies published for arm64.</summary>
    CoreClr,
}

/// <summary>
/// One way of running Debian's arm64 CPython here: a route for mmapnet and a page size for the emulated kernel (0: the
/// machine's own, otherwise qemu-user's QEMU_PAGESIZE). Each is an interpreter entry of its own, a two-line script that sets
/// the variables and runs the arm64 python3, so that the conformance runner and its child processes see it as an ordinary
/// interpreter (docs/arm64.md); both sides of a comparison, the stdlib's and mmapnet's, run through it.
/// </summary>
public sealed record Arm64Configuration(Arm64Route Route, int PageSize)
{
    private static readonly Dictionary<Arm64Configuration, Lazy<PythonInterpreter>> Entries = new();

    /// <summary>What the tests run: both routes at the machine's page size, NativeAOT at 16 and 64 KiB.</summary>
    public static Arm64Configuration[] All { get; } =
    [
        new(Arm64Route.NativeAot, 0),
        new(Arm64Route.NativeAot, 16384),
        new(Arm64Route.NativeAot, 65536),
        new(Arm64Route.CoreClr, 0),
    ];

    public string Name => $"{(Route == Arm64Route.NativeAot ? "nativeaot" : "coreclr")}-{(PageSize == 0 ? "machine-pages" : $"{PageSize / 1024}k-pages")}";

    /// <summary>The variables of this configuration.</summary>
    public IReadOnlyDictionary<string, string?> Variables
    {
        get
        {
            Dictionary<string, string?> variables = new Dictionary<string, string?>(StringComparer.Ordinal);
            if (Route == Arm64Route.NativeAot)
            {
                variables["MMAPNET_BACKEND"] = "nativeaot";
                variables["MMAPNET_NATIVEAOT_DIR"] = Arm64NativeAotBuild.Folder;
            }
            else
            {
                variables["MMAPNET_BACKEND"] = "coreclr";
                variables["MMAPNET_ASSEMBLY_DIR"] = Arm64ManagedBuild.Folder;
                variables["DOTNET_ROOT"] = Arm64DotnetRoot();
            }

            if (PageSize != 0)
            {
                variables["QEMU_PAGESIZE"] = PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return variables;
        }
    }

    /// <summary>The interpreter entry of this configuration (written and queried once per run).</summary>
    public PythonInterpreter Interpreter
    {
        get
        {
            Lazy<PythonInterpreter> entry;
            lock (Entries)
            {
                if (!Entries.TryGetValue(this, out entry!))
                {
                    entry = new Lazy<PythonInterpreter>(WriteEntry, LazyThreadSafetyMode.ExecutionAndPublication);
                    Entries[this] = entry;
                }
            }

            return entry.Value;
        }
    }

    public override string ToString() => Name;

    /// <summary>The arm64 interpreter .ci/setup prepared, or a failed test saying what to run.</summary>
    public static string RequireArm64Python()
    {
        if (!File.Exists(Repository.Arm64Python))
        {
            Assert.Fail($"No arm64 CPython at {Repository.Arm64Python}: run .ci/setup (as root) to unpack it (docs/arm64.md).");
        }

        return Repository.Arm64Python;
    }

    private static string Arm64DotnetRoot()
    {
        if (!Directory.Exists(Path.Combine(Repository.Arm64DotnetRoot, "host", "fxr")))
        {
            Assert.Fail($"No arm64 .NET runtime in {Repository.Arm64DotnetRoot}: run .ci/setup to lay it out (docs/arm64.md).");
        }

        return Repository.Arm64DotnetRoot;
    }

    private PythonInterpreter WriteEntry()
    {
        var python = RequireArm64Python();
        var folder = Scratch.NewFolder("entry-" + Name);
        var script = Path.Combine(folder, "python3");
        var exports = string.Join('\n', Variables.Select(v => $"export {v.Key}='{v.Value}'"));
        File.WriteAllText(script, $"#!/bin/sh\n# Debian's arm64 CPython under qemu-aarch64, {Name}.\n{exports}\nexec '{python}' \"$@\"\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return new InterpreterLocator().Inspect(script);
    }
}
