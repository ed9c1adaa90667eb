using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using MmapNet.TestSupport;
using NUnit.Framework;

namespace MmapNet.Packaging.Tests;

/// <summary>
/// The wheel installed into a fresh <c>python -m venv</c> of each interpreter: <c>import mmapnet</c> and
/// <c>python -m mmapnet</c> from another folder, the NativeAOT route with no .NET runtime, the CoreCLR route from the
/// assemblies the wheel carries.
/// </summary>
[TestFixture]
public sealed class WheelInstallTests
{
    public static IEnumerable<TestCaseData> InterpreterCases() => TestInterpreters.Cases();

    [TestCaseSource(nameof(InterpreterCases))]
    public void Import_FromAnotherFolder_TakesTheNativeAotModuleInstalledInTheVenv(string interpreter)
    {
        VirtualEnvironment venv = InstalledWheel.For(interpreter);

        JsonElement report = Inspect(venv, new Dictionary<string, string?>());

        Assert.Multiple(() =>
        {
            Assert.That(report.GetProperty("backend").GetString(), Is.EqualTo("nativeaot"));
            Assert.That(report.GetProperty("package").GetString(), Is.EqualTo(Path.Combine(venv.SitePackages, "mmapnet")));
            Assert.That(report.GetProperty("native_file").GetString(), Is.EqualTo(Path.Combine(venv.SitePackages, "mmapnet", "_mmapnet.so")));
            Assert.That(report.GetProperty("python").GetString(), Is.EqualTo(venv.Interpreter.Version.ToString(3)));
            Assert.That(report.GetProperty("find").GetInt32(), Is.EqualTo(7));
            Assert.That(report.GetProperty("type").GetString(), Is.EqualTo("mmap.mmap"));
            Assert.That(report.GetProperty("is_stdlib_type").GetBoolean(), Is.False);
            Assert.That(report.GetProperty("names_only_in_mmapnet").GetArrayLength(), Is.Zero, report.ToString());
            Assert.That(report.GetProperty("names_only_in_mmap").GetArrayLength(), Is.Zero, report.ToString());
        });
    }

    [TestCaseSource(nameof(InterpreterCases))]
    public void NativeAotRoute_RunsWithNoDotnetRuntimeFoundOrLoaded(string interpreter)
    {
        VirtualEnvironment venv = InstalledWheel.For(interpreter);
        string nowhere = Path.Combine(RunScratch.Root, "no-dotnet-here");

        // Nothing points at a .NET installation, and the process ends up with no .NET runtime library mapped.
        JsonElement report = Inspect(venv, new Dictionary<string, string?>
        {
            ["MMAPNET_BACKEND"] = "nativeaot",
            ["DOTNET_ROOT"] = nowhere,
            ["PATH"] = Path.Combine(venv.Folder, "bin"),
            ["HOME"] = nowhere,
        });

        Assert.That(report.GetProperty("backend").GetString(), Is.EqualTo("nativeaot"));
        Assert.That(report.GetProperty("dotnet_libraries").EnumerateArray().Select(e => e.GetString()), Is.Empty);
    }

    [TestCaseSource(nameof(InterpreterCases))]
    public void CoreClrRoute_BootsTheRuntimeWithTheAssembliesInTheWheel(string interpreter)
    {
        VirtualEnvironment venv = InstalledWheel.For(interpreter);

        JsonElement report = Inspect(venv, new Dictionary<string, string?> { ["MMAPNET_BACKEND"] = "coreclr" });
        string assemblies = venv.RunPython(
            ["-c", "import mmapnet._loader as l; print(l.assembly_directory())"],
            new Dictionary<string, string?> { ["MMAPNET_BACKEND"] = "coreclr" }).Stdout.Trim();

        Assert.That(report.GetProperty("backend").GetString(), Is.EqualTo("coreclr"));
        Assert.That(report.GetProperty("find").GetInt32(), Is.EqualTo(7));
        // The control for the test above: this route does map the .NET runtime, and the check sees it.
        Assert.That(report.GetProperty("dotnet_libraries").EnumerateArray().Select(e => e.GetString()), Has.Some.Contains("libcoreclr"));
        Assert.That(assemblies, Is.EqualTo(RepositoryLayout.ImagesForThisCpu(Path.Combine(venv.SitePackages, "mmapnet", "_lib"))));
    }

    [TestCaseSource(nameof(InterpreterCases))]
    public void PythonDashM_RunsAScriptWithMmapServedByMmapnet_AndReportsTheRoute(string interpreter)
    {
        VirtualEnvironment venv = InstalledWheel.For(interpreter);
        string folder = RunScratch.NewFolder("script");
        string script = Path.Combine(folder, "uses_mmap.py");
        File.WriteAllText(script, string.Join('\n',
            "import mmap, sys",
            "m = mmap.mmap(-1, 64)",
            "m.write(b'abc')",
            "print(mmap.__name__, mmap.__backend__, m.find(b'c', 0), sys.argv[1:])",
            "raise SystemExit(3)") + "\n");

        CommandResult run = Command.Run(venv.Python, ["-m", "mmapnet", "run", script, "x", "y"], folder);
        CommandResult info = venv.RunPython(["-m", "mmapnet", "info"]);

        Assert.That(run.ExitCode, Is.EqualTo(3), run.Describe());
        Assert.That(run.Stdout, Is.EqualTo("mmapnet nativeaot 2 ['x', 'y']\n"));
        Assert.That(info.Stdout, Does.Contain("mmapnet backend: nativeaot"));
        Assert.That(info.Stdout, Does.Contain("extension: " + Path.Combine(venv.SitePackages, "mmapnet", "_mmapnet.so")));
    }

    [Test]
    public void BenchImport_PrintsBothRoutesNextToTheStdlib_WithRatios()
    {
        VirtualEnvironment venv = InstalledWheel.For(TestInterpreters.Newest.Label);

        string output = venv.RunPython(["-m", "mmapnet", "bench-import", "--repeat", "2"]).Stdout;

        // route, import ms, ratio to mmap, import CPU ms, ratio to mmap, whole process ms
        Assert.That(output, Does.Match(@"import mmap \(stdlib\) +\d+\.\d\d +1\.0x +\d+\.\d\d +1\.0x +\d+\.\d\n"));
        Assert.That(output, Does.Match(@"import mmapnet \(nativeaot\) +\d+\.\d\d +\d+\.\dx +\d+\.\d\d +\d+\.\dx +\d+\.\d\n"));
        Assert.That(output, Does.Match(@"import mmapnet \(coreclr\) +\d+\.\d\d +\d+\.\dx +\d+\.\d\d +\d+\.\dx +\d+\.\d\n"));
        Assert.That(output, Does.Match(@"nativeaot imports \d+\.\dx faster than coreclr \(CPU time: \d+\.\dx\)"));
    }

    private static JsonElement Inspect(VirtualEnvironment venv, IReadOnlyDictionary<string, string?> environment)
    {
        CommandResult result = venv.RunPython([RepositoryLayout.Script("inspect_import.py")], environment);
        using JsonDocument document = JsonDocument.Parse(result.Stdout);
        return document.RootElement.Clone();
    }
}
