using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Xml.Linq;

namespace MmapNet.Packaging.Tests;

/// <summary>The repository under test and its well-known paths.</summary>
internal static class Repository
{
    public static string Root { get; } = Locate();

    public static string PythonFolder => Path.Combine(Root, "python");

    public static string NativeAotProject => Path.Combine(Root, "src", "MmapNet.CPython.NativeAot");

    /// <summary>Where <c>dotnet publish src/MmapNet.CPython.NativeAot -c Release</c> puts the module (what the loader looks at when forced).</summary>
    public static string NativeAotPublishFolder => Path.Combine(
        Root, "artifacts", "publish", "MmapNet.CPython.NativeAot", "release_linux-" + RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant());

    /// <summary>The CoreCLR route's build in a checkout.</summary>
    public static string ManagedBuildFolder => Path.Combine(Root, "artifacts", "bin", "MmapNet.CPython", "release");

    /// <summary>The one version of the project, from Directory.Build.props.</summary>
    public static string Version { get; } =
        XDocument.Load(Path.Combine(Root, "Directory.Build.props")).Descendants("Version").Single().Value.Trim();

    public static string ScriptPath(string name) => Path.Combine(AppContext.BaseDirectory, "Scripts", name);

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
