using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using MmapNet.Discovery;
using MmapNet.TestSupport;
using NUnit.Framework;

namespace MmapNet.CPython.Tests.Support;

/// <summary>
/// Runs a snippet of Scripts/ with CPython's <c>mmap</c> and with <c>mmapnet</c> in the same interpreter and compares
/// the transcripts step by step: CPython is the oracle, nothing expected is written in the tests.
/// </summary>
internal static class SnippetComparison
{
    /// <summary>The modules compared: the oracle first.</summary>
    public const string Stdlib = "mmap";

    public const string Implementation = "mmapnet";

    /// <summary>
    /// Asserts that the snippet does the same with both modules: the same steps, each with the same outcome, and
    /// <c>mmapnet</c> never dies. A step marked <c>*</c> (the map closed or resized by the step's own code while
    /// CPython converts arguments) may instead raise ValueError or IndexError with mmapnet, the errors CPython gives for
    /// a closed map and an out-of-range access, when CPython's outcome differs: CPython's comes from a mapping that is
    /// no longer there (on 3.10 and Debian's 3.11.2 it crashes, and later versions msync or mremap address 0, or write
    /// past the map's new end). Such deviations are listed in the test output.
    /// </summary>
    public static async Task AssertSameAsync(string interpreterLabel, string script, params string[] arguments)
    {
        PythonInterpreter interpreter = TestInterpreters.Get(interpreterLabel);
        Transcript stdlib = await Transcript.RunAsync(interpreter, script, Stdlib, arguments);
        Transcript mmapnet = await Transcript.RunAsync(interpreter, script, Implementation, arguments);
        AssertSame(stdlib, mmapnet);
    }

    public static void AssertSame(Transcript stdlib, Transcript mmapnet)
    {
        List<string> stdlibLabels = stdlib.Steps.Select(s => s.Label).ToList();
        List<string> mmapnetLabels = mmapnet.Steps.Select(s => s.Label).ToList();
        Assert.That(mmapnetLabels, Is.EqualTo(stdlibLabels), "the two runs did not take the same steps");

        StringBuilder differences = new();
        StringBuilder deviations = new();
        foreach ((TranscriptStep? reference, TranscriptStep? actual) in stdlib.Steps.Zip(mmapnet.Steps))
        {
            if (reference.Outcome == actual.Outcome && !actual.Died)
            {
                continue;
            }

            string line = $"{actual.Label}\n    stdlib:  {reference.Outcome}\n    mmapnet: {actual.Outcome}\n";
            if (actual.MutatesDuringConversion && !actual.Died &&
                (actual.Outcome.StartsWith("raises ValueError: ", StringComparison.Ordinal) ||
                 actual.Outcome.StartsWith("raises IndexError: ", StringComparison.Ordinal)))
            {
                deviations.Append(line);
            }
            else
            {
                differences.Append(line);
            }
        }

        int died = stdlib.Steps.Count(s => s.Died);
        TestContext.Out.WriteLine(
            $"{stdlib.Steps.Count} steps compared; stdlib died in {died} of them" +
            (died > 0 ? $" ({string.Join(", ", stdlib.Steps.Where(s => s.Died).Select(s => s.Label))})" : string.Empty));
        if (deviations.Length > 0)
        {
            TestContext.Out.WriteLine(
                "Steps that close or resize the map during the call, where mmapnet raises instead of using the gone mapping:\n" + deviations);
        }

        Assert.That(differences.Length, Is.Zero, $"mmapnet differs from the stdlib in these steps:\n{differences}");
    }
}
