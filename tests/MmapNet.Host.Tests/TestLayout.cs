using System;
using System.IO;

namespace MmapNet.Host.Tests;

/// <summary>Where the tests find the repository, the built host and the assemblies a stock python3 loads.</summary>
internal static class TestLayout
{
    private static readonly Lazy<string> LazyRepositoryRoot = new(() =>
    {
        for (DirectoryInfo? folder = new(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "MmapNet.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No MmapNet.sln above {AppContext.BaseDirectory}.");
    });

    public static string RepositoryRoot => LazyRepositoryRoot.Value;

    /// <summary>The build configuration's folder name in artifacts/bin (release, debug): the tests' own.</summary>
    public static string Configuration => new DirectoryInfo(AppContext.BaseDirectory).Name;

    public static string HostExecutable => Path.Combine(BuildOutput("MmapNet.Host.Tool"), "mmapnet-host");

    /// <summary>MmapNet.CPython's output: the assemblies and runtimeconfig python/mmapnet boots CoreCLR with.</summary>
    public static string CoreAssemblyDirectory => BuildOutput("MmapNet.CPython");

    public static string PythonPackageRoot => Path.Combine(RepositoryRoot, "python");

    public static string ScriptsDirectory => Path.Combine(AppContext.BaseDirectory, "Scripts");

    /// <summary>This assembly, which holds <see cref="MapProbe"/> for the scripts' <c>clr.AddReference</c>.</summary>
    public static string TestAssembly => typeof(MapProbe).Assembly.Location;

    public static string Script(string name) => Path.Combine(ScriptsDirectory, name);

    public static string BuildOutput(string project) => Path.Combine(RepositoryRoot, "artifacts", "bin", project, Configuration);
}
