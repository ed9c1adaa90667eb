using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using MmapNet.Conformance;
using MmapNet.Conformance.Cases;
using MmapNet.Conformance.Running;
using MmapNet.Conformance.Stdlib;
using MmapNet.TestSupport;
using NUnit.Framework;
using RepositoryLayout = MmapNet.TestSupport.RepositoryLayout;

namespace MmapNet.Packaging.Tests;

/// <summary>
/// The conformance suite and CPython's test_mmap in the NativeAOT flavour: the same runner and cases as
/// tests/MmapNet.Conformance.Tests, with the implementation side's <c>import mmapnet</c> forced onto the repository's
/// NativeAOT build. The flavour is chosen purely by environment (<c>MMAPNET_BACKEND=nativeaot</c>, and
/// <c>MMAPNET_NATIVEAOT_DIR</c> for a build elsewhere), which the runner passes to its Python processes; forced, the loader
/// raises rather than fall back to CoreCLR, so a case cannot pass on the other route. One test per (interpreter, case).
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.Children)]
public sealed class NativeAotConformanceTests
{
    private static readonly string[] s_flavourVariables = ["MMAPNET_BACKEND", "MMAPNET_NATIVEAOT_DIR"];
    private readonly Dictionary<string, string?> _saved = new();

    public static IEnumerable<TestCaseData> Pairs()
    {
        IReadOnlyList<ConformanceCase> cases = CaseCatalog.Discover(Conformance.RepositoryLayout.Locate(RepositoryLayout.Root).CasesFolder);
        if (cases.Count == 0)
        {
            // A suite without cases is broken, not passing.
            return [new TestCaseData(string.Empty, string.Empty).SetName("NativeAotConformance(no cases)")];
        }

        return from interpreter in TestInterpreters.All
               from conformanceCase in cases
               select new TestCaseData(interpreter.Label, conformanceCase.Id)
                   .SetName($"NativeAotConformance({interpreter.Label},{conformanceCase.Id})")
                   .SetCategory(conformanceCase.Area);
    }

    public static IEnumerable<TestCaseData> StdlibCases() =>
        TestInterpreters.All.Where(i => i.HasStdlibMmapTests).Select(i => new TestCaseData(i.Label).SetArgDisplayNames(i.Label));

    private static RunSettings Settings => new() { Layout = Conformance.RepositoryLayout.Locate(RepositoryLayout.Root), ImplementationModule = "mmapnet" };

    [OneTimeSetUp]
    public void SelectTheNativeAotFlavour()
    {
        string folder = RepositoryNativeAotBuild.Folder;
        foreach (string name in s_flavourVariables)
        {
            _saved[name] = Environment.GetEnvironmentVariable(name);
        }

        Environment.SetEnvironmentVariable("MMAPNET_BACKEND", "nativeaot");
        Environment.SetEnvironmentVariable("MMAPNET_NATIVEAOT_DIR", folder);
    }

    [OneTimeTearDown]
    public void RestoreTheEnvironment()
    {
        foreach ((string? name, string? value) in _saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }

    [TestCaseSource(nameof(Pairs))]
    public async Task NativeAotConformance(string interpreterLabel, string caseId)
    {
        Assert.That(caseId, Is.Not.Empty, $"no cases under {Settings.Layout.CasesFolder}");
        ConformanceCase conformanceCase = CaseCatalog.Discover(Settings.Layout.CasesFolder).Single(c => c.Id == caseId);

        CaseResult result = await new ConformanceRunner(Settings).RunCaseAsync(
            TestInterpreters.Get(interpreterLabel), conformanceCase, TestContext.CurrentContext.CancellationToken);

        Assert.That(result.Outcome, Is.EqualTo(CaseOutcome.Passed), result.Describe());
    }

    [TestCaseSource(nameof(StdlibCases))]
    public async Task NativeAotStdlibTestMmap(string interpreterLabel)
    {
        StdlibTestComparison comparison = await new StdlibTestRunner(Settings).CompareAsync(
            TestInterpreters.Get(interpreterLabel), TestContext.CurrentContext.CancellationToken);

        Assert.That(comparison.Implementation.Report, Is.Not.Null, comparison.Implementation.Error ?? comparison.Implementation.OutputTail);
        Assert.That(comparison.ChangedTests, Is.Empty, string.Join('\n', comparison.ChangedTests));
        Assert.That(comparison.Conforms, Is.True, comparison.Implementation.OutputTail);
    }

    [TestCaseSource(nameof(StdlibCases))]
    public void Flavour_IsNativeAot_InTheRunnersEnvironment(string interpreterLabel)
    {
        // What the runner's processes inherit: the forced NativeAOT route, loading the repository's build.
        CommandResult result = Command.RunChecked(TestInterpreters.Get(interpreterLabel).ExecutablePath,
            ["-c", "import mmapnet; print(mmapnet.__backend__, mmapnet._native.__file__)"],
            environment: new Dictionary<string, string?>
            {
                ["PYTHONPATH"] = RepositoryLayout.PythonFolder,
                ["MMAPNET_BACKEND"] = Environment.GetEnvironmentVariable("MMAPNET_BACKEND"),
                ["MMAPNET_NATIVEAOT_DIR"] = Environment.GetEnvironmentVariable("MMAPNET_NATIVEAOT_DIR"),
            });

        Assert.That(result.Stdout, Is.EqualTo($"nativeaot {System.IO.Path.Combine(RepositoryNativeAotBuild.Folder, "_mmapnet.so")}\n"));
    }
}
