using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using MmapNet.Discovery;
using MmapNet.TestSupport;
using NUnit.Framework;

namespace MmapNet.Packaging.Tests;

/// <summary>
/// The typing stub (<c>mmapnet/__init__.pyi</c> + <c>py.typed</c>): valid on each interpreter, declaring the names the
/// stdlib's mmap has there, and, through a real type checker (pyright, with its bundled typeshed) reading the installed
/// wheel, giving for <c>mmapnet</c> exactly the diagnostics it gives for <c>mmap</c> on each version.
/// </summary>
[TestFixture]
public sealed class TypingTests
{
    private static readonly Lazy<string> s_pyright = new(InstallPyright, LazyThreadSafetyMode.ExecutionAndPublication);

    private static string Stub => Path.Combine(RepositoryLayout.PythonFolder, "mmapnet", "__init__.pyi");

    public static IEnumerable<TestCaseData> InterpreterCases() => TestInterpreters.Cases();

    [TestCaseSource(nameof(InterpreterCases))]
    public void Stub_ParsesOnTheInterpreter_AndDeclaresExactlyTheNamesItsMmapHas(string interpreter)
    {
        CommandResult result = Command.RunChecked(TestInterpreters.Get(interpreter).ExecutablePath, [RepositoryLayout.Script("stub_names.py"), Stub]);
        using JsonDocument report = JsonDocument.Parse(result.Stdout);

        foreach (JsonProperty difference in report.RootElement.EnumerateObject().Where(p => p.Name != "python"))
        {
            Assert.That(difference.Value.EnumerateArray().Select(e => e.GetString()), Is.Empty, difference.Name);
        }
    }

    [TestCaseSource(nameof(InterpreterCases))]
    public void TypeChecker_SeesInstalledMmapnetExactlyAsItSeesMmap(string interpreter)
    {
        VirtualEnvironment venv = InstalledWheel.For(interpreter);
        (List<string>? mmapDiagnostics, List<string>? mmapnetDiagnostics) = CompareWithPyright(venv.Interpreter, venv.Python, null);

        Assert.That(mmapDiagnostics, Has.Count.GreaterThan(60), "the probe reveals every name");
        Assert.That(mmapnetDiagnostics, Is.EqualTo(mmapDiagnostics));
    }

    [Test]
    public void TypeChecker_Comparison_CatchesAStubThatDiffers()
    {
        // The same comparison with a stub whose seek() returns int (the runtime's 3.13 answer, not typeshed's).
        string package = Path.Combine(RunScratch.NewFolder("altered-stub"), "mmapnet");
        Directory.CreateDirectory(package);
        File.WriteAllText(Path.Combine(package, "py.typed"), "");
        File.WriteAllText(Path.Combine(package, "__init__.pyi"), File.ReadAllText(Stub).Replace(
            "def seek(self, pos: int, whence: Literal[0, 1, 2, 3, 4] = os.SEEK_SET, /) -> None: ...",
            "def seek(self, pos: int, whence: Literal[0, 1, 2, 3, 4] = os.SEEK_SET, /) -> int: ...",
            StringComparison.Ordinal));
        PythonInterpreter interpreter = TestInterpreters.Newest;

        (List<string>? mmapDiagnostics, List<string>? mmapnetDiagnostics) = CompareWithPyright(interpreter, interpreter.ExecutablePath, Path.GetDirectoryName(package));

        Assert.That(mmapnetDiagnostics.Except(mmapDiagnostics).ToList(), Has.Count.EqualTo(2), "m.seek and m.seek(0) reveal differently");
    }

    /// <summary>
    /// Runs pyright over two probes, <c>import mmap as target</c> and <c>import mmapnet as target</c>, for the
    /// interpreter's version, resolving imports through <paramref name="python"/> (and <paramref name="extraPath"/>).
    /// Returns each probe's diagnostics as "line severity message", with the module name made neutral.
    /// </summary>
    private static (List<string> Mmap, List<string> Mmapnet) CompareWithPyright(Discovery.PythonInterpreter interpreter, string python, string? extraPath)
    {
        string folder = RunScratch.NewFolder("typing");
        foreach (string? module in new[] { "mmap", "mmapnet" })
        {
            Command.RunChecked(interpreter.ExecutablePath, [RepositoryLayout.Script("typing_probe.py"), module, Path.Combine(folder, $"probe_{module}.py")]);
        }

        Dictionary<string, object> configuration = new()
        {
            ["pythonPlatform"] = "Linux",
            ["typeCheckingMode"] = "standard",
            ["extraPaths"] = extraPath is null ? Array.Empty<string>() : new[] { extraPath },
        };
        File.WriteAllText(Path.Combine(folder, "pyrightconfig.json"), JsonSerializer.Serialize(configuration));

        // pyright exits 1 when it reports errors; the probes contain deliberate ones.
        CommandResult result = Command.Run(s_pyright.Value, ["--outputjson", "--pythonpath", python, "--pythonversion", interpreter.MinorVersion, "probe_mmap.py", "probe_mmapnet.py"], folder);
        Assert.That(result.ExitCode, Is.AnyOf(0, 1), result.Describe());
        using JsonDocument output = JsonDocument.Parse(result.Stdout);

        List<string> DiagnosticsOf(string file) => output.RootElement.GetProperty("generalDiagnostics").EnumerateArray()
            .Where(d => Path.GetFileName(d.GetProperty("file").GetString()) == file)
            .Select(d => $"{d.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32()} {d.GetProperty("severity").GetString()} " +
                d.GetProperty("message").GetString()!.Replace("mmapnet", "mmap", StringComparison.Ordinal))
            .ToList();

        return (DiagnosticsOf("probe_mmap.py"), DiagnosticsOf("probe_mmapnet.py"));
    }

    /// <summary>pyright, pinned in typechecker/package-lock.json, installed from the npm registry once (npm ci).</summary>
    private static string InstallPyright()
    {
        string folder = Path.Combine(RepositoryLayout.Root, "tests", "MmapNet.Packaging.Tests", "typechecker");
        string pyright = Path.Combine(folder, "node_modules", ".bin", "pyright");
        if (!File.Exists(pyright))
        {
            Command.RunChecked("npm", ["ci", "--no-audit", "--no-fund"], folder, timeout: TimeSpan.FromMinutes(10));
        }

        return pyright;
    }
}
