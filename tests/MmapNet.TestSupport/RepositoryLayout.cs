using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace MmapNet.TestSupport;

/// <summary>Where things are: the repository the tests were built from, its Python package and its build outputs.</summary>
public static class RepositoryLayout
{
    private static readonly Lazy<string> s_root = new(FindRoot);

    private static readonly Lazy<string> s_version = new(
        () => XDocument.Load(Path.Combine(Root, "Directory.Build.props")).Descendants("Version").Single().Value.Trim());

    /// <summary>The repository root (the folder holding MmapNet.sln).</summary>
    public static string Root => s_root.Value;

    /// <summary>The folder that goes on PYTHONPATH so that <c>import mmapnet</c> finds python/mmapnet.</summary>
    public static string PythonFolder => Path.Combine(Root, "python");

    /// <summary>
    /// The build configuration of the running test assembly, as the artifacts layout spells it (<c>release</c>,
    /// <c>debug</c>): the last folder of artifacts/bin/&lt;test project&gt;/&lt;configuration&gt;/.
    /// </summary>
    public static string Configuration => new DirectoryInfo(AppContext.BaseDirectory).Name;

    /// <summary>The test project running: the folder above the configuration's in artifacts/bin/&lt;test project&gt;/&lt;configuration&gt;/.</summary>
    public static string TestProject => new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;

    /// <summary>The one version of the project, from Directory.Build.props.</summary>
    public static string Version => s_version.Value;

    /// <summary>Where a project's build output is, for the configuration of the tests.</summary>
    public static string BuildFolder(string project) => Path.Combine(Root, "artifacts", "bin", project, Configuration);

    /// <summary>
    /// The C# assemblies of <c>mmapnet</c>'s CoreCLR route built with these tests: the tests point MMAPNET_ASSEMBLY_DIR
    /// here, so that a Debug test run does not load an older Release build.
    /// </summary>
    public static string AssemblyFolder => BuildFolder("MmapNet.CPython");

    /// <summary>Where the README's build command puts the CoreCLR route's assemblies, which <c>import mmapnet</c> finds by itself.</summary>
    public static string ReleaseAssemblyFolder => Path.Combine(Root, "artifacts", "bin", "MmapNet.CPython", "release");

    /// <summary>
    /// Whether this process runs mmapnet's x86-64-v3 builds (never on other architectures), asked of the build's C
    /// library, whose function both routes call to choose (Native/instruction_set.c): one rule.
    /// </summary>
    public static bool RunsX8664V3Builds => s_runsX8664V3Builds.Value;

    private static readonly Lazy<bool> s_runsX8664V3Builds = new(() =>
    {
        IntPtr library = System.Runtime.InteropServices.NativeLibrary.Load(Path.Combine(AssemblyFolder, "libmmapnet_faults.so"));
        try
        {
            IntPtr function = System.Runtime.InteropServices.NativeLibrary.GetExport(library, "mmapnet_runs_x86_64_v3");
            return System.Runtime.InteropServices.Marshal.GetDelegateForFunctionPointer<CpuQuestion>(function)() != 0;
        }
        finally
        {
            System.Runtime.InteropServices.NativeLibrary.Free(library);
        }
    });

    /// <summary>
    /// The set of precompiled images of <paramref name="setFolder"/> (a checkout's precompiled/, the wheel's _lib/) that
    /// <c>import mmapnet</c> loads on this CPU: on x86-64 without x86-64-v3, the baseline set in its folder "baseline".
    /// </summary>
    public static string ImagesForThisCpu(string setFolder)
    {
        string baseline = Path.Combine(setFolder, "baseline");
        return Directory.Exists(baseline) && !RunsX8664V3Builds ? baseline : setFolder;
    }

    private delegate int CpuQuestion();

    /// <summary>The Python scripts of the tests (copied next to the test assembly).</summary>
    public static string ScriptsFolder => Path.Combine(AppContext.BaseDirectory, "Scripts");

    /// <summary>A script of Scripts/, next to the test assembly.</summary>
    public static string Script(string name) => BesideTests(Path.Combine("Scripts", name));

    /// <summary>The NativeAOT project, as the README's <c>dotnet publish</c> names it.</summary>
    public static string NativeAotProject => Path.Combine(Root, "src", "MmapNet.CPython.NativeAot");

    /// <summary>Where <c>dotnet publish src/MmapNet.CPython.NativeAot -c Release</c> puts <c>_mmapnet.so</c> on this machine.</summary>
    public static string NativeAotPublishFolder =>
        Path.Combine(Root, "artifacts", "publish", "MmapNet.CPython.NativeAot", "release_" + System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier);

    /// <summary>The <c>mmapnet-host</c> executable built with these tests.</summary>
    public static string HostTool => Path.Combine(BuildFolder("MmapNet.Host.Tool"), "mmapnet-host");

    /// <summary>A file next to the test assembly (scripts are copied there).</summary>
    public static string BesideTests(string relativePath)
    {
        string path = Path.Combine(AppContext.BaseDirectory, relativePath);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"no {relativePath} next to the test assembly", path);
        }

        return path;
    }

    private static string FindRoot()
    {
        for (DirectoryInfo? folder = new(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "MmapNet.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"no MmapNet.sln above {AppContext.BaseDirectory}: the tests run from the repository's artifacts/");
    }
}
