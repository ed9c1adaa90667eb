using System;
using System.IO;

namespace MmapNet.CPython.Tests.Support;

/// <summary>Where things are: the repository the tests were built from, its Python package and build output.</summary>
internal static class Repository
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The repository root (the folder holding MmapNet.sln).</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>The folder that goes on PYTHONPATH so that <c>import mmapnet</c> finds python/mmapnet.</summary>
    public static string PythonFolder => Path.Combine(Root, "python");

    /// <summary>The Python snippets the tests run (copied next to the test assembly).</summary>
    public static string ScriptsFolder => Path.Combine(AppContext.BaseDirectory, "Scripts");

    /// <summary>
    /// The build configuration of this test assembly, as the artifacts layout spells it (<c>release</c>, <c>debug</c>):
    /// the last folder of artifacts/bin/MmapNet.CPython.Tests/&lt;configuration&gt;/.
    /// </summary>
    public static string Configuration => new DirectoryInfo(AppContext.BaseDirectory).Name;

    /// <summary>
    /// The C# assemblies of <c>mmapnet</c> built together with these tests (the ProjectReference builds them): the tests
    /// point MMAPNET_ASSEMBLY_DIR here, so that a Debug test run does not silently load an older Release build.
    /// </summary>
    public static string AssemblyFolder => Path.Combine(Root, "artifacts", "bin", "MmapNet.CPython", Configuration);

    /// <summary>Where the README's build command puts the assemblies, which <c>import mmapnet</c> finds by itself.</summary>
    public static string ReleaseAssemblyFolder => Path.Combine(Root, "artifacts", "bin", "MmapNet.CPython", "release");

    /// <summary>A snippet's full path.</summary>
    public static string Script(string name)
    {
        var path = Path.Combine(ScriptsFolder, name);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"no snippet {name} next to the test assembly", path);
        }

        return path;
    }

    private static string FindRoot()
    {
        for (DirectoryInfo? folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "MmapNet.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"no MmapNet.sln above {AppContext.BaseDirectory}: the tests run from the repository's artifacts/");
    }
}
