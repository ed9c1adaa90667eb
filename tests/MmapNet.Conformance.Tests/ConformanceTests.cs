using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using MmapNet.Conformance.Cases;
using MmapNet.Conformance.Running;
using MmapNet.Discovery;
using NUnit.Framework;

namespace MmapNet.Conformance.Tests;

/// <summary>
/// The conformance suite as NUnit tests: one test per (interpreter, case) of conformance/cases, run against the
/// implementation under test (mmapnet, or the module named by MMAPNET_CONFORMANCE_IMPL). A failing test's message is the
/// unified diff of the two transcripts. Select one with, for example,
/// <c>dotnet test --filter "Name~find_default_start"</c> or <c>--filter "Name~3.12.1-pyenv"</c>.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.Children)]
public sealed class ConformanceTests
{
    public static IEnumerable<TestCaseData> Pairs()
    {
        IReadOnlyList<ConformanceCase> cases = CaseCatalog.Discover(TestEnvironment.SuiteCasesFolder);
        if (cases.Count == 0)
        {
            // A suite without cases is broken, not passing.
            yield return new TestCaseData(string.Empty, string.Empty).SetName("Conformance(no cases)");
            yield break;
        }

        foreach (PythonInterpreter interpreter in TestEnvironment.Interpreters)
        {
            foreach (ConformanceCase conformanceCase in cases)
            {
                yield return new TestCaseData(interpreter.Label, conformanceCase.Id)
                    .SetName($"Conformance({interpreter.Label},{conformanceCase.Id})")
                    .SetCategory(conformanceCase.Area);
            }
        }
    }

    [TestCaseSource(nameof(Pairs))]
    public async Task Conformance(string interpreterLabel, string caseId)
    {
        Assert.That(caseId, Is.Not.Empty, $"no cases under {TestEnvironment.SuiteCasesFolder}");
        ConformanceCase conformanceCase = CaseCatalog.Discover(TestEnvironment.SuiteCasesFolder).Single(c => c.Id == caseId);
        ConformanceRunner runner = new(TestEnvironment.Settings(TestEnvironment.ImplementationUnderTest));

        CaseResult result = await runner.RunCaseAsync(
            TestEnvironment.Interpreter(interpreterLabel), conformanceCase, TestContext.CurrentContext.CancellationToken);

        Assert.That(result.Outcome, Is.EqualTo(CaseOutcome.Passed), result.Describe());
    }
}
