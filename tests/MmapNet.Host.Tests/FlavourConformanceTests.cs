using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using MmapNet.Conformance;
using MmapNet.Conformance.Cases;
using MmapNet.Conformance.Running;
using MmapNet.Discovery;
using MmapNet.TestSupport;
using NUnit.Framework;
using RepositoryLayout = MmapNet.TestSupport.RepositoryLayout;

namespace MmapNet.Host.Tests;

/// <summary>
/// The conformance suite in the two pythonnet flavours: the implementation side under mmapnet-host (CPython embedded in
/// .NET), and under a stock python3 with pythonnet's clr initialised at <c>import mmapnet</c>; and in the host flavour on
/// the CPython mmapnet-host carries (<c>bundled</c>), both sides under the host. One test per (flavour, interpreter, case),
/// through the conformance runner; a failure's message is the runner's diff of the two transcripts.
/// </summary>
[TestFixture]
public sealed class FlavourConformanceTests
{
    private static readonly Conformance.RepositoryLayout s_layout = new(RepositoryLayout.Root);

    public static IEnumerable<TestCaseData> Runs()
    {
        IReadOnlyList<ConformanceCase> cases = CaseCatalog.Discover(s_layout.CasesFolder);
        if (cases.Count == 0)
        {
            // A suite without cases is broken, not passing.
            yield return new TestCaseData(ImplementationFlavour.Host, string.Empty, string.Empty).SetName("FlavourConformance(no cases)");
            yield break;
        }

        foreach (ImplementationFlavour flavour in new[] { ImplementationFlavour.Host, ImplementationFlavour.PythonWithClr })
        {
            foreach (PythonInterpreter interpreter in TestInterpreters.Embeddable)
            {
                foreach (ConformanceCase conformanceCase in cases)
                {
                    yield return new TestCaseData(flavour, interpreter.Label, conformanceCase.Id)
                        .SetName($"FlavourConformance({ImplementationFlavours.Name(flavour)},{interpreter.Label},{conformanceCase.Id})")
                        .SetCategory(conformanceCase.Area);
                }
            }
        }

        // Named without its version, which only running the host tells (in the test, not while listing them).
        foreach (ConformanceCase conformanceCase in cases)
        {
            yield return new TestCaseData(ImplementationFlavour.Host, BundledInterpreter.Name, conformanceCase.Id)
                .SetName($"FlavourConformance(host,{BundledInterpreter.Name},{conformanceCase.Id})")
                .SetCategory(conformanceCase.Area);
        }
    }

    [TestCaseSource(nameof(Runs))]
    public async Task FlavourConformance(ImplementationFlavour flavour, string interpreterLabel, string caseId)
    {
        Assert.That(caseId, Is.Not.Empty, $"no cases under {s_layout.CasesFolder}");
        ConformanceCase conformanceCase = CaseCatalog.Discover(s_layout.CasesFolder).Single(c => c.Id == caseId);
        PythonInterpreter interpreter = interpreterLabel == BundledInterpreter.Name
            ? TestInterpreters.Bundled
            : TestInterpreters.Embeddable.Single(i => i.Label == interpreterLabel);
        ConformanceRunner runner = new(Settings(flavour));

        CaseResult result = await runner.RunCaseAsync(interpreter, conformanceCase, TestContext.CurrentContext.CancellationToken);

        Assert.That(result.Outcome, Is.EqualTo(CaseOutcome.Passed), result.Describe());
    }

    [TestCaseSource(typeof(TestInterpreters), nameof(TestInterpreters.Cases))]
    public async Task HostFlavourServesMmapFromTheHostsPackage(PythonInterpreter interpreter)
    {
        ConformanceRunner runner = new(Settings(ImplementationFlavour.Host));
        ImplementationCheck check = await runner.CheckImplementationAsync(interpreter, TestContext.CurrentContext.CancellationToken);
        Assert.That(check.Error, Is.Null);
        Assert.That(check.ServedBy, Does.StartWith("mmapnet (" + RepositoryLayout.BuildFolder("MmapNet.Host.Tool")), "the host's own copy of the package");
        Assert.That(check.MmapType, Is.EqualTo("mmap.mmap"));
    }

    [Test]
    public void HostFlavourRunsOnlyTheImplementationUnderTheHost()
    {
        PythonInterpreter interpreter = TestInterpreters.Embeddable[0];
        BootstrapLauncher launcher = new(Settings(ImplementationFlavour.Host));
        (string? referenceProgram, IReadOnlyList<string>? referenceArguments) = launcher.Command(interpreter, RunSettings.ReferenceModule, ["case.py"]);
        (string? program, IReadOnlyList<string>? arguments) = launcher.Command(interpreter, "mmapnet", ["case.py"]);
        Assert.That(referenceProgram, Is.EqualTo(interpreter.ExecutablePath));
        Assert.That(referenceArguments, Is.EqualTo(new[] { s_layout.BootstrapScript, "mmap", "case.py" }));
        Assert.That(program, Is.EqualTo(RepositoryLayout.HostTool));
        Assert.That(arguments, Is.EqualTo(new[] { "--python", interpreter.LibPythonPath, s_layout.BootstrapScript, "mmapnet", "case.py" }));
    }

    [Test]
    public void BundledPythonRunsBothSidesUnderTheHost()
    {
        PythonInterpreter bundled = TestInterpreters.Bundled;
        BootstrapLauncher launcher = new(Settings(ImplementationFlavour.Host));
        (string? referenceProgram, IReadOnlyList<string>? referenceArguments) = launcher.Command(bundled, RunSettings.ReferenceModule, ["case.py"]);
        (string? program, IReadOnlyList<string>? arguments) = launcher.Command(bundled, "mmapnet", ["case.py"]);
        Assert.That(bundled.Label, Does.Match(@"^3\.11\.\d+-bundled$"));
        Assert.That(bundled.LibPythonPath, Does.StartWith(Path.Combine(RepositoryLayout.BuildFolder("MmapNet.Host.Tool"), "runtimes", "linux-x64", "python", "lib")));
        Assert.That(referenceProgram, Is.EqualTo(RepositoryLayout.HostTool));
        Assert.That(referenceArguments, Is.EqualTo(new[] { "--python", bundled.LibPythonPath, s_layout.BootstrapScript, "mmap", "case.py" }));
        Assert.That(program, Is.EqualTo(RepositoryLayout.HostTool));
        Assert.That(arguments, Is.EqualTo(new[] { "--python", bundled.LibPythonPath, s_layout.BootstrapScript, "mmapnet", "case.py" }));
    }

    [Test]
    public async Task OnTheBundledPythonTheReferenceIsItsOwnStandardLibraryMmap()
    {
        PythonInterpreter bundled = TestInterpreters.Bundled;
        BootstrapLauncher launcher = new(Settings(ImplementationFlavour.Host));
        string folder = Directory.CreateTempSubdirectory("mmapnet-bundled-probe-").FullName;
        try
        {
            BootstrapRun reference = await launcher.RunAsync(
                bundled, RunSettings.ReferenceModule, ["--probe"], null, Path.Combine(folder, "run"), RunSettings.DefaultCaseTimeout,
                TestContext.CurrentContext.CancellationToken);
            ImplementationCheck implementation = await new ConformanceRunner(Settings(ImplementationFlavour.Host))
                .CheckImplementationAsync(bundled, TestContext.CurrentContext.CancellationToken);

            Assert.That(reference.Error, Is.Null);
            Assert.That(reference.Status?.ServedBy, Is.EqualTo("mmap"));
            Assert.That(reference.Status?.File, Does.StartWith(Path.Combine(Path.GetDirectoryName(bundled.LibPythonPath)!, "python3.11", "lib-dynload", "mmap.")));
            Assert.That(implementation.Error, Is.Null);
            Assert.That(implementation.ServedBy, Does.StartWith("mmapnet (" + RepositoryLayout.BuildFolder("MmapNet.Host.Tool")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void ClrFlavourSetsTheVariableOnTheImplementationSideOnly()
    {
        BootstrapLauncher launcher = new(Settings(ImplementationFlavour.PythonWithClr));
        Assert.That(launcher.Environment("mmapnet", null, "/tmp/status.json", "/tmp/t")[BootstrapLauncher.ClrVariable], Is.EqualTo("1"));
        Assert.That(launcher.Environment("mmap", null, "/tmp/status.json", "/tmp/t").ContainsKey(BootstrapLauncher.ClrVariable), Is.False);
    }

    private static RunSettings Settings(ImplementationFlavour flavour) => new()
    {
        Layout = s_layout,
        Flavour = flavour,
        HostExecutable = RepositoryLayout.HostTool,
    };
}
