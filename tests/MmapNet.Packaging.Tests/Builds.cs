using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using MmapNet.Discovery;
using MmapNet.TestSupport;
using NUnit.Framework;

namespace MmapNet.Packaging.Tests;

/// <summary>
/// The wheel, built once per test run the way a user builds it (<c>pip wheel --no-build-isolation --no-index</c> on the
/// repository, which runs the in-tree backend and dotnet publish). A failed build fails every test that needs it, with the
/// build's output, and is not retried.
/// </summary>
internal static class BuiltWheel
{
    private static readonly Lazy<string> s_path = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string Path => s_path.Value;

    private static string Build()
    {
        string output = RunScratch.NewFolder("wheel");
        Command.RunChecked(
            TestInterpreters.Newest.ExecutablePath,
            ["-m", "pip", "wheel", "--no-build-isolation", "--no-index", "--no-deps", "--no-cache-dir", "-w", output, RepositoryLayout.Root],
            timeout: TimeSpan.FromMinutes(20));
        string[] wheels = Directory.GetFiles(output, "*.whl");
        Assert.That(wheels, Has.Length.EqualTo(1), "pip wheel made one wheel");
        return wheels[0];
    }
}

/// <summary>The repository's own NativeAOT build (the README's <c>dotnet publish</c>), made once per test run.</summary>
internal static class RepositoryNativeAotBuild
{
    private static readonly Lazy<string> s_folder = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The folder holding <c>_mmapnet.so</c>.</summary>
    public static string Folder => s_folder.Value;

    private static string Build()
    {
        Command.Dotnet(["publish", RepositoryLayout.NativeAotProject, "-c", "Release", "-nodeReuse:false"]);
        Assert.That(System.IO.Path.Combine(RepositoryLayout.NativeAotPublishFolder, "_mmapnet.so"), Does.Exist);
        return RepositoryLayout.NativeAotPublishFolder;
    }
}

/// <summary>A fresh <c>python -m venv</c> of one interpreter.</summary>
internal sealed class VirtualEnvironment
{
    private readonly Lazy<string> _sitePackages;

    private VirtualEnvironment(PythonInterpreter interpreter, string folder)
    {
        Interpreter = interpreter;
        Folder = folder;
        _sitePackages = new Lazy<string>(() =>
            RunPython(["-c", "import sysconfig; print(sysconfig.get_paths()['platlib'])"]).Stdout.Trim());
    }

    public PythonInterpreter Interpreter { get; }

    public string Folder { get; }

    public string Python => System.IO.Path.Combine(Folder, "bin", "python");

    public string SitePackages => _sitePackages.Value;

    public static VirtualEnvironment Create(PythonInterpreter interpreter, string name)
    {
        string folder = System.IO.Path.Combine(RunScratch.NewFolder(name), "venv");
        Command.RunChecked(interpreter.ExecutablePath, ["-m", "venv", folder], timeout: TimeSpan.FromMinutes(3));
        return new VirtualEnvironment(interpreter, folder);
    }

    /// <summary>Runs the venv's python (checked), by default from a folder of its own, away from the repository.</summary>
    public CommandResult RunPython(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null, string? workingDirectory = null, TimeSpan? timeout = null) =>
        Command.RunChecked(Python, arguments, workingDirectory ?? RunScratch.NewFolder("cwd"), environment, timeout);

    public CommandResult Pip(params string[] arguments) =>
        Command.RunChecked(Python, new[] { "-m", "pip" }.Concat(arguments), RunScratch.NewFolder("cwd"), timeout: TimeSpan.FromMinutes(20));

    /// <summary>Every file under the venv, relative to it.</summary>
    public SortedSet<string> Files() =>
        new(Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories).Select(f => System.IO.Path.GetRelativePath(Folder, f)), StringComparer.Ordinal);
}

/// <summary>One venv per interpreter with the built wheel installed, shared by the tests that only use it.</summary>
internal static class InstalledWheel
{
    private static readonly ConcurrentDictionary<string, Lazy<VirtualEnvironment>> s_environments = new();

    public static VirtualEnvironment For(string interpreterLabel) =>
        s_environments.GetOrAdd(interpreterLabel, label => new Lazy<VirtualEnvironment>(() =>
        {
            VirtualEnvironment venv = VirtualEnvironment.Create(TestInterpreters.Get(label), "installed-" + label);
            venv.Pip("install", "--no-index", "--no-deps", BuiltWheel.Path);
            return venv;
        }, LazyThreadSafetyMode.ExecutionAndPublication)).Value;
}
