using System.Collections.Generic;
using System.Threading.Tasks;
using MmapNet.CPython.Tests.Support;
using MmapNet.TestSupport;
using NUnit.Framework;

namespace MmapNet.CPython.Tests;

/// <summary>
/// No .NET exception escapes a slot, and nothing crashes: Scripts/hostile_inputs.py throws at the module what could make
/// C# throw (integers beyond every C type, negative sizes and offsets, <c>__index__</c> that raises or closes or
/// resizes the map mid-call, <c>__buffer__</c> that does the same on 3.12+, the map used after close) and each step
/// must end as it does with the stdlib. Where the stdlib itself dies in a step (3.10 and Debian's 3.11.2 crash when
/// <c>__index__</c> closes the map), the snippet is run again from the next step, and mmapnet must raise there instead.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.Children)]
public sealed class HostileInputTests
{
    public static IEnumerable<TestCaseData> AllInterpreters() => TestInterpreters.Cases();

    [TestCaseSource(nameof(AllInterpreters))]
    public Task HostileArguments_RaiseWhatTheStdlibRaisesAndNeverCrash(string label) =>
        SnippetComparison.AssertSameAsync(label, "hostile_inputs.py");
}
