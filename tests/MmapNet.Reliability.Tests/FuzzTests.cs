using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using MmapNet.Discovery;
using MmapNet.TestSupport;
using NUnit.Framework;

namespace MmapNet.Reliability.Tests;

/// <summary>
/// The differential fuzzer (conformance/fuzz/fuzz.py): a short run with fixed seeds finds nothing on every interpreter,
/// and on a module broken on purpose (conformance/fuzz/fixtures/brokenmmap.py) it finds each broken behaviour, shrinks
/// it and writes a conformance case that reproduces it. The long runs (a million operations and more) are run by hand:
/// conformance/fuzz/README.md.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.Children)]
public sealed partial class FuzzTests
{
    // 30,000 operations per seed take 5 to 15 s per interpreter on an idle core here (3.10 is the slowest, about 3,000
    // operations a second), so the two seeds stay under the ~40 s per interpreter CI affords even on a busy machine.
    private const int ShortRunOperations = 30_000;
    private static readonly int[] s_shortRunSeeds = [1, 2];

    private static string FuzzScript => Path.Combine(RepositoryLayout.Root, "conformance", "fuzz", "fuzz.py");

    private static string CasesRoot => Path.Combine(RepositoryLayout.Root, "conformance", "cases");

    private static string Fixtures => Path.Combine(RepositoryLayout.Root, "conformance", "fuzz", "fixtures");

    public static IEnumerable<TestCaseData> ShortRunCases() => TestInterpreters.Cases();

    [TestCaseSource(nameof(ShortRunCases))]
    public async Task ShortRun_FindsNoDivergenceCrashOrHang(string label)
    {
        PythonInterpreter interpreter = TestInterpreters.Get(label);
        foreach (int seed in s_shortRunSeeds)
        {
            // The driver runs in the interpreter under test too (any python3 will do): one interpreter per test case.
            ChildResult result = await PythonProcess.RunAsync(
                interpreter,
                [FuzzScript, "--seed", seed.ToString(CultureInfo.InvariantCulture), "--ops", ShortRunOperations.ToString(CultureInfo.InvariantCulture),
                 "--python", interpreter.ExecutablePath, "--no-write"],
                new PythonStart { Timeout = TimeSpan.FromMinutes(5) });
            TestContext.Out.WriteLine(result.Stdout);
            Assert.That(result.ExitCode, Is.Zero, $"seed {seed}: the fuzzer found something (exit code 1) or failed to run (2)\n{result.Describe()}");
            Assert.That(result.Stdout, Does.Contain($"{ShortRunOperations} ops in"), $"seed {seed}: the run did not do the operations it was asked for");
            Assert.That(result.Stdout, Does.Contain(": 0 divergences, 0 crashes/hangs"), $"seed {seed}");
        }
    }

    /// <summary>
    /// A behaviour brokenmmap breaks, the operations of generator.py's table the fuzzer is aimed at to meet it soon
    /// (brokenmmap, a Python subclass, differs from the stdlib in ways that have nothing to do with the test, such as
    /// iteration, which an unaimed run would report first), what the fuzzer must report, and the verb its minimal
    /// program must end with.
    /// </summary>
    public sealed record Broken(string Behaviour, string Focus, string Report, string LastOperation)
    {
        public override string ToString() => Behaviour;
    }

    public static IEnumerable<TestCaseData> BrokenCases() =>
        new Broken[]
        {
            new("seek_end_message", "seek", "DIVERGENCE", ".seek("),
            new("write_byte_skips", "write,seek", "DIVERGENCE", ".write_byte("),
            new("resize_crashes", "resize", "CRASH", ".resize("),
            new("flush_hangs", "flush", "HANG", ".flush("),
        }.Select(b => new TestCaseData(b).SetArgDisplayNames(b.Behaviour));

    /// <summary>
    /// On one interpreter (the newest here): what is tested is the fuzzer's machinery (finding, shrinking, writing,
    /// checking), which is the same Python code on every interpreter, and each case costs a fuzz run plus dozens of
    /// replays.
    /// </summary>
    [TestCaseSource(nameof(BrokenCases))]
    public async Task BrokenModule_IsFoundShrunkAndWrittenAsAReproducingCase(Broken broken)
    {
        ArgumentNullException.ThrowIfNull(broken);
        PythonInterpreter interpreter = TestInterpreters.All.OrderByDescending(i => i.Version).First();
        using ScratchFolder folder = new("reliability-tests");
        string casesOut = folder.Folder("cases");
        ChildResult result = await PythonProcess.RunAsync(
            interpreter,
            [FuzzScript, "--seed", "1", "--ops", "3000", "--focus", broken.Focus, "--impl", "brokenmmap", "--python-path", Fixtures,
             "--python", interpreter.ExecutablePath, "--cases-out", casesOut, "--max-findings", "1", "--max-shrink", "1",
             // A hang is declared after 3 s without an answer (the default, 60 s, would cost minutes over the replays).
             "--hang-timeout", "3"],
            new PythonStart { Timeout = TimeSpan.FromMinutes(5), Environment = new Dictionary<string, string?> { ["BROKENMMAP"] = broken.Behaviour } });
        TestContext.Out.WriteLine(result.Stdout);
        Assert.That(result.ExitCode, Is.EqualTo(1), "the fuzzer exits 1 when it finds something\n" + result.Describe());
        Assert.That(result.Stdout, Does.Contain(broken.Report + " seed 1 program"), "what the fuzzer reports");
        Assert.That(result.Stdout, Does.Match(@"case: .* \(reproduces through the conformance harness"), "the fuzzer's own check of the case");

        string[] written = Directory.GetFiles(casesOut, "*.py");
        Assert.That(written, Has.Length.EqualTo(1), "one case written");
        string case_ = written[0];
        List<string> operations = RunLine().Matches(File.ReadAllText(case_)).Select(m => m.Groups[1].Value).ToList();
        TestContext.Out.WriteLine($"{Path.GetFileName(case_)}:\n  {string.Join("\n  ", operations)}");
        Assert.That(operations, Is.Not.Empty);
        Assert.That(operations[^1], Does.Contain(broken.LastOperation), "the minimal program ends with the broken operation");
        // Shrunk: a constructor, maybe an alias or a position, and the broken operation (programs have up to 60).
        Assert.That(operations, Has.Count.LessThanOrEqualTo(4), "shrunk to a minimal program");

        // Checked again here, independently of the fuzzer: the case through the conformance harness with the stdlib and
        // with brokenmmap. The stdlib run must pass; brokenmmap's must differ (output, exit code, or death).
        ChildResult stdlib = await RunCaseAsync(interpreter, "mmap", case_, broken.Behaviour);
        ChildResult brokenRun = await RunCaseAsync(interpreter, "brokenmmap", case_, broken.Behaviour);
        Assert.That(stdlib.ExitCode, Is.Zero, "the case passes with the stdlib\n" + stdlib.Describe());
        Assert.That(stdlib.TimedOut, Is.False);
        Assert.That((brokenRun.ExitCode, brokenRun.Stdout, brokenRun.TimedOut), Is.Not.EqualTo((stdlib.ExitCode, stdlib.Stdout, stdlib.TimedOut)),
            "the case shows the broken behaviour\n" + brokenRun.Describe());
    }

    private static Task<ChildResult> RunCaseAsync(MmapNet.Discovery.PythonInterpreter interpreter, string module, string casePath, string behaviour) =>
        PythonProcess.RunAsync(
            interpreter,
            [Path.Combine(RepositoryLayout.Root, "conformance", "harness", "bootstrap.py"), module, casePath],
            new PythonStart
            {
                PythonPath = string.Join(Path.PathSeparator, RepositoryLayout.PythonFolder, CasesRoot, Fixtures),
                Timeout = TimeSpan.FromSeconds(15),
                Environment = new Dictionary<string, string?> { ["BROKENMMAP"] = behaviour },
            });

    [GeneratedRegex(@"^s\.run\((.*)\)$", RegexOptions.Multiline)]
    private static partial Regex RunLine();
}
