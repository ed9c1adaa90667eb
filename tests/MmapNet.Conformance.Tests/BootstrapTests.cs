using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MmapNet.Conformance.Cases;
using MmapNet.Conformance.Running;
using MmapNet.TestSupport;
using NUnit.Framework;

namespace MmapNet.Conformance.Tests;

/// <summary>The bootstrap installs the implementation as mmap, refuses fakes, and runs cases like <c>python CASE</c>.</summary>
[TestFixture]
public sealed class BootstrapTests
{
    [Test]
    public async Task AModuleThatCannotBeImportedIsAnErrorThatSaysSo()
    {
        CaseResult result = await RunFixtureCase("no_such_mmap_module", "neutral/write_then_read_back");

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(CaseOutcome.Error));
            Assert.That(result.Message, Is.EqualTo(
                "implementation side (no_such_mmap_module) could not run the case: module no_such_mmap_module could not be " +
                "imported: ModuleNotFoundError: No module named 'no_such_mmap_module'"));
            Assert.That(result.Describe(), Does.Contain("module no_such_mmap_module could not be imported"));
        });
    }

    [Test]
    public async Task ASilentFallbackToTheStandardLibraryIsRefused()
    {
        CaseResult result = await RunFixtureCase("fallbackmmap", "neutral/write_then_read_back");

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(CaseOutcome.Error));
            Assert.That(result.Message, Does.EndWith(
                "module fallbackmmap is not an implementation: its mmap type is the standard library's mmap.mmap"));
        });
    }

    [Test]
    public async Task WhenTheImplementationCannotBeInstalledNoCaseIsRun()
    {
        ConformanceRunner runner = new(TestEnvironment.Settings("no_such_mmap_module"));
        IReadOnlyList<ConformanceCase> cases = CaseCatalog.Discover(TestEnvironment.Layout.FixtureCasesFolder);

        (IReadOnlyList<ImplementationCheck>? checks, IReadOnlyList<CaseResult>? results) = await runner.RunAllAsync(TestEnvironment.Interpreters, cases, null, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(checks.Select(c => c.Error), Has.All.StartWith("module no_such_mmap_module could not be imported"));
            Assert.That(results, Has.Count.EqualTo(TestEnvironment.Interpreters.Count * cases.Count));
            Assert.That(results.Select(r => r.Outcome), Has.All.EqualTo(CaseOutcome.Error));
            Assert.That(results.Select(r => r.Implementation.Duration), Has.All.EqualTo(TimeSpan.Zero));
        });
    }

    [Test]
    public async Task TheCheckReportsWhichModuleServesMmap()
    {
        ConformanceRunner runner = new(TestEnvironment.Settings("wrongmmap"));

        ImplementationCheck check = await runner.CheckImplementationAsync(TestEnvironment.Newest, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(check.Error, Is.Null);
            Assert.That(check.ServedBy, Is.EqualTo($"wrongmmap ({Path.Combine(TestEnvironment.Layout.FixturesFolder, "wrongmmap.py")})"));
            Assert.That(check.MmapType, Is.EqualTo("wrongmmap.mmap"));
        });
    }

    [Test]
    public async Task ImportMmapGetsTheImplementationOnlyOnItsSide()
    {
        using ScratchFolder folder = new("conformance-tests");
        string casePath = folder.Write("probe/which_mmap.py", """
            import mmap
            from mmap import mmap as mmap_type
            import sys
            print(mmap.__name__, mmap_type.__module__, sys.modules["mmap"].__name__)
            """);
        ConformanceCase conformanceCase = new("probe", "which_mmap", casePath, folder.Path);
        ConformanceRunner runner = new(TestEnvironment.Settings("wrongmmap"));

        CaseResult result = await runner.RunCaseAsync(TestEnvironment.Newest, conformanceCase, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.Reference.Transcript!.Stdout, Is.EqualTo("mmap mmap mmap\n"));
            Assert.That(result.Implementation.Transcript!.Stdout, Is.EqualTo("wrongmmap wrongmmap wrongmmap\n"));
        });
    }

    [Test]
    public async Task AnImplementationElsewhereIsFoundThroughExtraPythonPaths()
    {
        using ScratchFolder folder = new("conformance-tests");
        string module = folder.Write("lib/othermmap.py", """
            import mmap as _stdlib
            from mmap import *
            class mmap(_stdlib.mmap):
                pass
            """);
        RunSettings settings = TestEnvironment.Settings("othermmap") with { ExtraPythonPaths = new[] { Path.GetDirectoryName(module)! } };

        ImplementationCheck check = await new ConformanceRunner(settings).CheckImplementationAsync(TestEnvironment.Newest, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(check.Error, Is.Null);
            Assert.That(check.ServedBy, Is.EqualTo($"othermmap ({module})"));
        });
    }

    [Test]
    public async Task ACaseRunsLikeAScriptInAnEmptyFolderWithTheRunnersEnvironment()
    {
        CaseResult result = await RunFixtureCase(RunSettings.ReferenceModule, "neutral/runs_like_a_script");

        Assert.That(result.Reference.Transcript!.Stdout, Is.EqualTo("""
            __name__: __main__
            argv[0] is this file: True
            path[0] is this folder: True
            working folder is empty: True
            TMPDIR is private: True
            PYTHONHASHSEED: 0
            PYTHONDONTWRITEBYTECODE: 1
            PYTHONUNBUFFERED: 1
            LC_ALL: C.UTF-8
            stdout encoding: utf-8
            hash is fixed: True

            """.Replace("\r\n", "\n", StringComparison.Ordinal)));
    }

    [Test]
    public void PythonPathHasTheRepositoryPackagesTheExtraFoldersAndTheCasesRoot()
    {
        RunSettings settings = TestEnvironment.Settings("mmapnet") with { ExtraPythonPaths = new[] { "/opt/impl" } };
        BootstrapLauncher launcher = new(settings);

        Assert.Multiple(() =>
        {
            Assert.That(launcher.PythonPath("mmapnet", "/cases"), Is.EqualTo(new[]
            {
                TestEnvironment.Layout.PythonFolder, "/opt/impl", "/cases",
            }));
            Assert.That(launcher.PythonPath("wrongmmap", null), Is.EqualTo(new[]
            {
                TestEnvironment.Layout.PythonFolder, "/opt/impl", TestEnvironment.Layout.FixturesFolder,
            }));
        });
    }

    [Test]
    public void VariablesThatChangePythonsBehaviourAreNotPassedOn()
    {
        const string Startup = "PYTHONSTARTUP";
        const string Pythonnet = "PYTHONNET_RUNTIME";
        BootstrapLauncher launcher = new(TestEnvironment.Settings("mmapnet"));
        (string?, string?) saved = (Environment.GetEnvironmentVariable(Startup), Environment.GetEnvironmentVariable(Pythonnet));
        try
        {
            Environment.SetEnvironmentVariable(Startup, "/tmp/startup.py");
            Environment.SetEnvironmentVariable(Pythonnet, "coreclr");

            IReadOnlyDictionary<string, string> environment = launcher.Environment("mmapnet", null, "/tmp/status.json", "/tmp/run-tmp");

            Assert.Multiple(() =>
            {
                Assert.That(environment.ContainsKey(Startup), Is.False);
                Assert.That(environment[Pythonnet], Is.EqualTo("coreclr"));
                Assert.That(environment["PYTHONHASHSEED"], Is.EqualTo("0"));
                Assert.That(environment["TMPDIR"], Is.EqualTo("/tmp/run-tmp"));
                Assert.That(environment[BootstrapLauncher.StatusVariable], Is.EqualTo("/tmp/status.json"));
            });
        }
        finally
        {
            Environment.SetEnvironmentVariable(Startup, saved.Item1);
            Environment.SetEnvironmentVariable(Pythonnet, saved.Item2);
        }
    }

    private static Task<CaseResult> RunFixtureCase(string module, string caseId)
    {
        ConformanceCase conformanceCase = CaseCatalog.Discover(TestEnvironment.Layout.FixtureCasesFolder).Single(c => c.Id == caseId);
        return new ConformanceRunner(TestEnvironment.Settings(module))
            .RunCaseAsync(TestEnvironment.Newest, conformanceCase, CancellationToken.None);
    }
}
