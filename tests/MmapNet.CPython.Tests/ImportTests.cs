using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using MmapNet.CPython.Tests.Support;
using MmapNet.Discovery;
using MmapNet.TestSupport;
using NUnit.Framework;

namespace MmapNet.CPython.Tests;

/// <summary>
/// <c>import mmapnet</c>, per interpreter: the README's command from the repository root, and the module's face (names,
/// constants, <c>error</c>, the type's attributes) compared with the stdlib's <c>mmap</c> of the same interpreter.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.Children)]
public sealed class ImportTests
{
    public static IEnumerable<TestCaseData> AllInterpreters() => TestInterpreters.Cases();

    /// <summary>
    /// <c>PYTHONPATH=python python3 -c "import mmapnet"</c> from the repository root, as the README has it: no
    /// MMAPNET_ASSEMBLY_DIR, so the package finds the Release build in artifacts/ by itself.
    /// </summary>
    [TestCaseSource(nameof(AllInterpreters))]
    public async Task ImportFromTheRepositoryRoot_WorksAndSaysItsBackend(string label)
    {
        PythonInterpreter interpreter = TestInterpreters.Get(label);
        PythonStart start = new()
        {
            WorkingDirectory = RepositoryLayout.Root,
            PythonPath = "python",
            Environment = new Dictionary<string, string?> { ["MMAPNET_ASSEMBLY_DIR"] = null, ["MMAPNET_BACKEND"] = null },
        };
        ChildResult result = await PythonProcess.RunAsync(interpreter, ["-c", "import mmapnet; print(mmapnet.__backend__)"], start);
        Assert.That(result.ExitCode, Is.Zero, result.Describe());
        Assert.That(result.Stdout.Trim(), Is.AnyOf("coreclr", "nativeaot"), "mmapnet.__backend__");

        ChildResult probe = await PythonProcess.RunScriptAsync(interpreter, "import_probe.py", [], start);
        Assert.That(probe.ExitCode, Is.Zero, probe.Describe());
        JsonElement first = JsonDocument.Parse(probe.Stdout).RootElement.GetProperty("first");
        TestContext.Out.WriteLine(first.ToString());
        Assert.That(first.GetProperty("imported").GetBoolean(), Is.True, probe.Stdout);
        Assert.That(first.GetProperty("file").GetString(), Is.EqualTo(Path.Combine(RepositoryLayout.PythonFolder, "mmapnet", "__init__.py")));
        Assert.That(first.GetProperty("map").GetString(), Does.StartWith("<mmap.mmap closed=False"));
        if (first.GetProperty("backend").GetString() == "coreclr")
        {
            Assert.That(
                first.GetProperty("assemblies").GetString(),
                Is.EqualTo(RepositoryLayout.ImagesForThisCpu(Path.Combine(RepositoryLayout.ReleaseAssemblyFolder, "precompiled"))),
                "the README's build command (Release) puts the assemblies, precompiled, where the package looks by default; tests run in " +
                $"the {RepositoryLayout.Configuration} configuration, and this one needs the Release build");
        }
    }

    /// <summary>
    /// The CoreCLR route of <c>import mmapnet</c> imports only the package and ctypes (with what ctypes itself needs):
    /// each standard module more is import time every user pays. importlib.abc, for one, pulls in importlib.resources,
    /// pathlib, inspect and tempfile, and cost 50 ms of the import on 3.13.
    /// </summary>
    [TestCaseSource(nameof(AllInterpreters))]
    public async Task ImportThroughCoreclr_ImportsNoStandardModuleBeyondCtypes(string label)
    {
        string[] allowed = ["mmapnet", "mmapnet._loader", "mmapnet._clr", "mmapnet._mmapnet",
            "ctypes", "_ctypes", "ctypes._endian", "struct", "_struct", "atexit", "types"];
        PythonStart start = new()
        {
            Environment = new Dictionary<string, string?> { ["MMAPNET_BACKEND"] = "coreclr", ["MMAPNET_CLR"] = null },
        };
        ChildResult result = await PythonProcess.RunAsync(
            TestInterpreters.Get(label),
            ["-c", "import sys; before = set(sys.modules); import mmapnet; print(' '.join(sorted(set(sys.modules) - before)))"],
            start);
        Assert.That(result.ExitCode, Is.Zero, result.Describe());
        string[] added = result.Stdout.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
        TestContext.Out.WriteLine(string.Join(" ", added));
        Assert.That(added, Does.Contain("mmapnet._mmapnet"), "the CoreCLR route ran");
        Assert.That(added, Is.SubsetOf(allowed));
    }

    /// <summary>
    /// Public names (as dir() lists them), every constant, <c>error is OSError</c>, and the type's <c>__module__</c>,
    /// <c>__name__</c>, <c>__qualname__</c>, <c>__doc__</c>, <c>__flags__</c>, <c>__basicsize__</c>,
    /// <c>__weakrefoffset__</c> and methods: the same with mmapnet as with the stdlib (Scripts/module_facts.py).
    /// </summary>
    [TestCaseSource(nameof(AllInterpreters))]
    public Task ModuleAndType_LookLikeTheStdlibs(string label) => SnippetComparison.AssertSameAsync(label, "module_facts.py");
}
