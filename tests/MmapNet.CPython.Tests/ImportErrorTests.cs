using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using MmapNet.CPython.Tests.Support;
using MmapNet.TestSupport;
using NUnit.Framework;

namespace MmapNet.CPython.Tests;

/// <summary>
/// When <c>import mmapnet</c> cannot work it raises ImportError saying what is missing and what to run, per interpreter:
/// assemblies not built, and no .NET runtime. Each time a second import fails the same way (no half-made module left).
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.Children)]
public sealed class ImportErrorTests
{
    public static IEnumerable<TestCaseData> AllInterpreters() => TestInterpreters.Cases();

    /// <summary>
    /// The package is copied to a folder outside the repository, so that the repository's artifacts/ is not where it
    /// looks, and MMAPNET_ASSEMBLY_DIR names an empty folder.
    /// </summary>
    [TestCaseSource(nameof(AllInterpreters))]
    public async Task AssembliesNotBuilt_RaisesImportErrorNamingThemAndTheBuildCommand(string label)
    {
        using ScratchFolder folder = new("cpython-tests");
        string package = Path.Combine(folder.Folder("site"), "mmapnet");
        CopyPythonPackage(Path.Combine(RepositoryLayout.PythonFolder, "mmapnet"), package);
        string empty = folder.Folder("no-assemblies");

        JsonElement outcome = await ImportAsync(label, new PythonStart
        {
            PythonPath = Path.GetDirectoryName(package),
            WorkingDirectory = folder.Path,
            Environment = new Dictionary<string, string?>
            {
                ["MMAPNET_ASSEMBLY_DIR"] = empty,
                ["MMAPNET_BACKEND"] = null,
                ["MMAPNET_NATIVEAOT_DIR"] = null,
            },
        });

        Assert.That(outcome.GetProperty("type").GetString(), Is.EqualTo("ImportError"), outcome.ToString());
        Assert.That(outcome.GetProperty("message").GetString(), Does.Contain("not built")
            .And.Contain("MmapNet.CPython.dll")
            .And.Contain(empty)
            .And.Contain("dotnet build src/MmapNet.CPython -c Release"));
    }

    /// <summary>
    /// DOTNET_ROOT names an empty folder, PATH has no dotnet, HOME has no .dotnet, and MMAPNET_DOTNET_DEFAULT_ROOTS
    /// empties the loader's list of usual install locations (/usr/share/dotnet and others, which exist here). The
    /// assemblies are there: the runtime is the only thing missing.
    /// </summary>
    [TestCaseSource(nameof(AllInterpreters))]
    public async Task NoDotnetRuntime_RaisesImportErrorNamingTheRuntime(string label)
    {
        using ScratchFolder folder = new("cpython-tests");
        string empty = folder.Folder("no-dotnet");
        JsonElement outcome = await ImportAsync(label, new PythonStart
        {
            WorkingDirectory = folder.Path,
            Environment = new Dictionary<string, string?>
            {
                ["DOTNET_ROOT"] = empty,
                ["PATH"] = empty,
                ["HOME"] = folder.Path,
                ["MMAPNET_DOTNET_DEFAULT_ROOTS"] = string.Empty,
                ["MMAPNET_BACKEND"] = "coreclr",
            },
        });

        Assert.That(outcome.GetProperty("type").GetString(), Is.EqualTo("ImportError"), outcome.ToString());
        Assert.That(outcome.GetProperty("message").GetString(), Does.Contain("no .NET runtime found")
            .And.Contain("libhostfxr.so")
            .And.Contain(empty)
            .And.Contain("Install the .NET")
            .And.Contain("DOTNET_ROOT"));
    }

    // Runs import_probe.py; checks both attempts failed the same way and returns the first.
    private static async Task<JsonElement> ImportAsync(string label, PythonStart start)
    {
        ChildResult result = await PythonProcess.RunScriptAsync(TestInterpreters.Get(label), "import_probe.py", [], start);
        Assert.That(result.ExitCode, Is.Zero, result.Describe());
        JsonElement outcome = JsonDocument.Parse(result.Stdout).RootElement;
        TestContext.Out.WriteLine(outcome.ToString());
        JsonElement first = outcome.GetProperty("first");
        Assert.That(first.GetProperty("imported").GetBoolean(), Is.False, "the import worked, but it should not have here");
        Assert.That(outcome.GetProperty("second").ToString(), Is.EqualTo(first.ToString()), "a second import fails the same way");
        return first.Clone();
    }

    private static void CopyPythonPackage(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (string? file in Directory.EnumerateFiles(source, "*.py").Where(f => !f.Contains("__pycache__", System.StringComparison.Ordinal)))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }
    }
}
