using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MmapNet.Discovery;
using MmapNet.TestSupport;
using NUnit.Framework;

namespace MmapNet.Arm64.Tests.Support;

/// <summary>The ARM64 things .ci/setup puts in the repository's artifacts/arm64 folder, and the ARM64 publishes.</summary>
internal static class Arm64Layout
{
    /// <summary>Where <c>dotnet publish src/MmapNet.CPython.NativeAot -c Release -r linux-arm64</c> puts the module.</summary>
    public static string Arm64PublishFolder => Path.Combine(RepositoryLayout.Root, "artifacts", "publish", "MmapNet.CPython.NativeAot", "release_linux-arm64");

    /// <summary>The CoreCLR route's project: its build output is precompiled for this machine, so ARM64 gets its own publish.</summary>
    public static string ManagedProject => Path.Combine(RepositoryLayout.Root, "src", "MmapNet.CPython");

    /// <summary>Where <c>dotnet publish src/MmapNet.CPython -c Release -r linux-arm64</c> puts the CoreCLR route's files.</summary>
    public static string Arm64ManagedPublishFolder => Path.Combine(RepositoryLayout.Root, "artifacts", "publish", "MmapNet.CPython", "release_linux-arm64");

    /// <summary>Debian's arm64 CPython, unpacked (.ci/setup).</summary>
    public static string Arm64Root => Path.Combine(RepositoryLayout.Root, "artifacts", "arm64", "root");

    /// <summary>The script that runs the arm64 python3.11 under qemu-aarch64 (.ci/setup writes it): the interpreter entry.</summary>
    public static string Arm64Python => Path.Combine(Arm64Root, "usr", "bin", "python3");

    /// <summary>The arm64 .NET runtime as a DOTNET_ROOT (.ci/setup, from NuGet).</summary>
    public static string Arm64DotnetRoot => Path.Combine(RepositoryLayout.Root, "artifacts", "arm64", "dotnet");
}

/// <summary>
/// Runs the commands the tests drive, in the test process's environment less what would change how Python or mmapnet
/// behave (PYTHON*, MMAPNET_*, QEMU_*, DOTNET_ROOT, VIRTUAL_ENV), plus what the test sets.
/// </summary>
internal static class Tool
{
    private static readonly IReadOnlyDictionary<string, string?> s_baseEnvironment = CreateBaseEnvironment();

    public static CommandResult Run(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null,
        string? workingDirectory = null, TimeSpan? timeout = null) =>
        Command.Run(fileName, arguments, s_baseEnvironment, environment, workingDirectory ?? RunScratch.NewFolder("cwd"), timeout ?? Command.DefaultTimeout);

    /// <summary>Runs a command; one that fails is a failed test, with its output as the message.</summary>
    public static CommandResult RunChecked(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null,
        string? workingDirectory = null, TimeSpan? timeout = null) =>
        Command.RunChecked(fileName, arguments, s_baseEnvironment, environment, workingDirectory ?? RunScratch.NewFolder("cwd"), timeout ?? Command.DefaultTimeout);

    /// <summary>A dotnet command in the repository, with no build server left behind holding its output open.</summary>
    public static CommandResult Dotnet(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null) =>
        RunChecked("dotnet", arguments, Command.DotnetEnvironment(environment), RepositoryLayout.Root, TimeSpan.FromMinutes(20));

    private static Dictionary<string, string?> CreateBaseEnvironment()
    {
        Dictionary<string, string?> environment = Command.InheritedEnvironment(
            name => name.StartsWith("PYTHON", StringComparison.Ordinal) || name.StartsWith("MMAPNET_", StringComparison.Ordinal) ||
                    name.StartsWith("QEMU_", StringComparison.Ordinal) || name is "DOTNET_ROOT" or "VIRTUAL_ENV" or "PIP_REQUIRE_VIRTUALENV");
        environment["PYTHONDONTWRITEBYTECODE"] = "1";
        return environment;
    }
}

/// <summary>Removes the run's scratch folder (venvs, wheels, interpreter entries) when every test has run.</summary>
[SetUpFixture]
public sealed class RunCleanup
{
    [OneTimeTearDown]
    public void RemoveScratch() => RunScratch.Remove();
}

/// <summary>The NativeAOT module cross-built for linux-arm64 with the README's command, once per test run.</summary>
internal static class Arm64NativeAotBuild
{
    private static readonly Lazy<string> s_folder = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The folder holding the aarch64 <c>_mmapnet.so</c>.</summary>
    public static string Folder => s_folder.Value;

    private static string Build()
    {
        Tool.Dotnet(["publish", RepositoryLayout.NativeAotProject, "-c", "Release", "-r", "linux-arm64", "-nodeReuse:false"]);
        Assert.That(Path.Combine(Arm64Layout.Arm64PublishFolder, "_mmapnet.so"), Does.Exist);
        return Arm64Layout.Arm64PublishFolder;
    }
}

/// <summary>
/// The CoreCLR route's assemblies for linux-arm64, once per test run. The build output next to these tests will not do:
/// it is ReadyToRun code for x86-64, which an arm64 runtime refuses (0x8007000b), beside an x86-64 libmmapnet_faults.so.
/// Published as the wheel publishes them: precompiled for arm64, the C part cross-compiled.
/// </summary>
internal static class Arm64ManagedBuild
{
    private static readonly Lazy<string> s_folder = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The folder holding the arm64 MmapNet.CPython.dll and its libmmapnet_faults.so.</summary>
    public static string Folder => s_folder.Value;

    private static string Build()
    {
        Tool.Dotnet(["publish", Arm64Layout.ManagedProject, "-c", "Release", "-r", "linux-arm64", "--self-contained", "false", "-nodeReuse:false"]);
        Assert.That(Path.Combine(Arm64Layout.Arm64ManagedPublishFolder, "MmapNet.CPython.dll"), Does.Exist);
        Assert.That(Path.Combine(Arm64Layout.Arm64ManagedPublishFolder, "libmmapnet_faults.so"), Does.Exist);
        return Arm64Layout.Arm64ManagedPublishFolder;
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
    private static readonly Dictionary<Arm64Configuration, Lazy<PythonInterpreter>> s_entries = new();

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
            Dictionary<string, string?> variables = new(StringComparer.Ordinal);
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
            lock (s_entries)
            {
                if (!s_entries.TryGetValue(this, out entry!))
                {
                    entry = new Lazy<PythonInterpreter>(WriteEntry, LazyThreadSafetyMode.ExecutionAndPublication);
                    s_entries[this] = entry;
                }
            }

            return entry.Value;
        }
    }

    public override string ToString() => Name;

    /// <summary>The arm64 interpreter .ci/setup prepared, or a failed test saying what to run.</summary>
    public static string RequireArm64Python()
    {
        if (!File.Exists(Arm64Layout.Arm64Python))
        {
            Assert.Fail($"No arm64 CPython at {Arm64Layout.Arm64Python}: run .ci/setup (as root) to unpack it (docs/arm64.md).");
        }

        return Arm64Layout.Arm64Python;
    }

    private static string Arm64DotnetRoot()
    {
        if (!Directory.Exists(Path.Combine(Arm64Layout.Arm64DotnetRoot, "host", "fxr")))
        {
            Assert.Fail($"No arm64 .NET runtime in {Arm64Layout.Arm64DotnetRoot}: run .ci/setup to lay it out (docs/arm64.md).");
        }

        return Arm64Layout.Arm64DotnetRoot;
    }

    private PythonInterpreter WriteEntry()
    {
        string python = RequireArm64Python();
        string folder = RunScratch.NewFolder("entry-" + Name);
        string script = Path.Combine(folder, "python3");
        string exports = string.Join('\n', Variables.Select(v => $"export {v.Key}='{v.Value}'"));
        File.WriteAllText(script, $"#!/bin/sh\n# Debian's arm64 CPython under qemu-aarch64, {Name}.\n{exports}\nexec '{python}' \"$@\"\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return new InterpreterLocator().Inspect(script);
    }
}
