using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using MmapNet.TestSupport;
using NUnit.Framework;

namespace MmapNet.Packaging.Tests;

/// <summary>
/// What an installed mmapnet must survive: multiprocessing children that start a fresh interpreter (spawn, forkserver),
/// <c>pip install --no-build-isolation .</c> straight from the repository, and <c>pip uninstall</c>.
/// </summary>
[TestFixture]
public sealed class InstallLifecycleTests
{
    public static IEnumerable<TestCaseData> InterpreterCases() => TestInterpreters.Cases();

    public static IEnumerable<TestCaseData> ChildCases() =>
        from interpreter in TestInterpreters.All
        from method in new[] { "spawn", "forkserver" }
        select new TestCaseData(interpreter.Label, method).SetArgDisplayNames(interpreter.Label, method);

    /// <summary>The oldest interpreter (no tomllib: the backend reads pyproject.toml with pip's tomli) and Debian's (its patched pip).</summary>
    public static IEnumerable<TestCaseData> SourceInstallCases() =>
        TestInterpreters.All.Take(1).Concat(TestInterpreters.All.Where(i => i.ExecutablePath == "/usr/bin/python3")).Distinct()
            .Select(i => new TestCaseData(i.Label).SetArgDisplayNames(i.Label));

    [TestCaseSource(nameof(ChildCases))]
    public void MultiprocessingChild_ImportsAndUsesMmapnet_OnASharedFileMap(string interpreter, string method)
    {
        VirtualEnvironment venv = InstalledWheel.For(interpreter);
        string file = Path.Combine(RunScratch.NewFolder("shared"), "shared.bin");

        string output = venv.RunPython([RepositoryLayout.Script("multiprocessing_child.py"), method, file], timeout: TimeSpan.FromMinutes(3)).Stdout;
        using JsonDocument report = JsonDocument.Parse(output);
        JsonElement root = report.RootElement;
        JsonElement child = root.GetProperty("child");

        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("parent_backend").GetString(), Is.EqualTo("nativeaot"));
            Assert.That(child.GetProperty("backend").GetString(), Is.EqualTo("nativeaot"));
            Assert.That(child.GetProperty("pid").GetInt32(), Is.Not.EqualTo(root.GetProperty("parent_pid").GetInt32()));
            Assert.That(child.GetProperty("found_parent_marker_at").GetInt32(), Is.EqualTo(6));
            Assert.That(root.GetProperty("child_exit_code").GetInt32(), Is.Zero);
            Assert.That(root.GetProperty("parent_sees").GetString(), Is.EqualTo("child parent"));
        });
    }

    [TestCaseSource(nameof(InterpreterCases))]
    public void Uninstall_RemovesEveryFileTheInstallAdded(string interpreter)
    {
        VirtualEnvironment venv = VirtualEnvironment.Create(TestInterpreters.Get(interpreter), "uninstall-" + interpreter);
        venv.Pip("list");  // anything pip writes on its first run is in the "before" picture
        SortedSet<string> before = venv.Files();

        venv.Pip("install", "--no-index", "--no-deps", BuiltWheel.Path);
        SortedSet<string> installed = venv.Files();
        venv.RunPython(["-m", "mmapnet", "info"]);  // used once: imports write nothing that outlives the uninstall
        venv.RunPython([RepositoryLayout.Script("inspect_import.py")]);
        venv.Pip("uninstall", "--yes", "mmapnet");
        SortedSet<string> after = venv.Files();

        List<string> added = installed.Except(before).ToList();
        Assert.That(added, Has.Some.EndsWith("mmapnet/_mmapnet.so").And.Some.EndsWith("mmapnet/_lib/MmapNet.dll").And.Some.EndsWith("mmapnet/__init__.pyi"),
            "the install added the package");
        Assert.That(after.Except(before), Is.Empty, "files left behind by the uninstall");
        Assert.That(Directory.Exists(Path.Combine(venv.SitePackages, "mmapnet")), Is.False, "the package folder is gone");
    }

    [TestCaseSource(nameof(SourceInstallCases))]
    public void PipInstallFromTheRepository_BuildsAndInstallsOffline_ThenImportsFromAnotherFolder(string interpreter)
    {
        VirtualEnvironment venv = VirtualEnvironment.Create(TestInterpreters.Get(interpreter), "source-install-" + interpreter);

        venv.Pip("install", "--no-build-isolation", "--no-index", "--no-cache-dir", RepositoryLayout.Root);
        string imported = venv.RunPython(["-c", "import mmapnet; print(mmapnet.__backend__, mmapnet.__file__)"]).Stdout;
        venv.Pip("uninstall", "--yes", "mmapnet");

        Assert.That(imported, Is.EqualTo($"nativeaot {Path.Combine(venv.SitePackages, "mmapnet", "__init__.py")}\n"));
    }
}
