using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MmapNet.Discovery;
using NUnit.Framework;

namespace MmapNet.TestSupport;

/// <summary>The ways <c>mmapnet</c> gets into a Python process.</summary>
public enum MmapnetRoute
{
    /// <summary>A stock python3; <c>import mmapnet</c> boots CoreCLR through hostfxr and loads the C# assemblies.</summary>
    CoreClr,

    /// <summary>A stock python3; <c>import mmapnet</c> loads the NativeAOT extension module, no .NET runtime.</summary>
    NativeAot,

    /// <summary><c>mmapnet-host</c>: a .NET program embeds CPython with pythonnet and serves <c>mmapnet</c> to it.</summary>
    Host,
}

/// <summary>Runs Python scripts with <c>mmapnet</c> loaded through a chosen route.</summary>
public static class PythonRoutes
{
    /// <summary>pythonnet 3.2.1 embeds CPython from OldestEmbeddablePython to NewestSupportedPython (Directory.Build.props), through a shared libpython.</summary>
    public static bool Supports(PythonInterpreter interpreter, MmapnetRoute route)
    {
        ArgumentNullException.ThrowIfNull(interpreter);
        return route != MmapnetRoute.Host
            || (interpreter.Version >= new Version(3, 11) && interpreter.Version < new Version(3, 14) && interpreter.LibPythonPath is not null);
    }

    /// <summary>
    /// Runs <c>python SCRIPT ARGS</c> with <c>import mmapnet</c> forced onto <paramref name="route"/> (the loader raises
    /// rather than fall back to another route). Under the host, <c>mmapnet-host</c> runs the script in place of python.
    /// </summary>
    public static Task<ChildResult> RunScriptAsync(PythonInterpreter interpreter, MmapnetRoute route, string script, IEnumerable<string> arguments, ChildStart? start = null)
    {
        ArgumentNullException.ThrowIfNull(interpreter);
        start ??= new ChildStart();
        Dictionary<string, string?> environment = new()
        {
            ["PYTHONPATH"] = RepositoryLayout.PythonFolder,
            ["PYTHONDONTWRITEBYTECODE"] = "1",
            ["MMAPNET_ASSEMBLY_DIR"] = RepositoryLayout.AssemblyFolder,
        };
        switch (route)
        {
            case MmapnetRoute.CoreClr:
                environment["MMAPNET_BACKEND"] = "coreclr";
                break;
            case MmapnetRoute.NativeAot:
                environment["MMAPNET_BACKEND"] = "nativeaot";
                environment["MMAPNET_NATIVEAOT_DIR"] = NativeAotBuild.Folder;
                break;
        }

        foreach ((string? name, string? value) in start.Environment)
        {
            environment[name] = value;
        }

        ChildStart child = new() { WorkingDirectory = start.WorkingDirectory, Environment = environment, Stdin = start.Stdin, Timeout = start.Timeout };
        return route == MmapnetRoute.Host
            ? ChildProcess.RunAsync(RepositoryLayout.HostTool, new[] { "--python", interpreter.ExecutablePath, script }.Concat(arguments), child)
            : ChildProcess.RunAsync(interpreter.ExecutablePath, new[] { script }.Concat(arguments), child);
    }
}

/// <summary>
/// The repository's NativeAOT build (the README's <c>dotnet publish</c>), made once per test run. Test assemblies run in
/// parallel, so the publish holds a lock file that the other assemblies wait on.
/// </summary>
public static class NativeAotBuild
{
    private static readonly Lazy<string> s_folder = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The folder holding <c>_mmapnet.so</c>.</summary>
    public static string Folder => s_folder.Value;

    private static string Build()
    {
        string lockPath = Path.Combine(RepositoryLayout.Root, "artifacts", "nativeaot-publish.lock");
        Directory.CreateDirectory(Path.GetDirectoryName(lockPath)!);
        using FileStream exclusive = AcquireLock(lockPath);
        ChildResult result = ChildProcess.RunAsync(
            "dotnet",
            ["publish", RepositoryLayout.NativeAotProject, "-c", "Release", "-nodeReuse:false", "--nologo"],
            new ChildStart { WorkingDirectory = RepositoryLayout.Root, Timeout = TimeSpan.FromMinutes(15) }).GetAwaiter().GetResult();
        Assert.That(result.ExitCode, Is.Zero, "dotnet publish of the NativeAOT module failed:\n" + result.Describe());
        string module = Path.Combine(RepositoryLayout.NativeAotPublishFolder, "_mmapnet.so");
        Assert.That(module, Does.Exist, "the NativeAOT publish made no _mmapnet.so");
        return RepositoryLayout.NativeAotPublishFolder;
    }

    private static FileStream AcquireLock(string path)
    {
        DateTime deadline = DateTime.UtcNow + TimeSpan.FromMinutes(20);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(500);
            }
        }
    }
}
