using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using MmapNet.CPython.Tests.Support;
using MmapNet.Discovery;
using MmapNet.TestSupport;
using NUnit.Framework;

namespace MmapNet.CPython.Tests;

/// <summary>
/// <c>python -m mmapnet run script.py args...</c> and <c>python -m mmapnet run -m module args...</c>, per interpreter:
/// each program of Scripts/run is run with plain <c>python</c> and through the runner, from the same folder with the same
/// input, and must give the same exit code, stdout and stderr; the one difference allowed, and required, is the module
/// the program's <c>import mmap</c> gets (each program prints it on a line "mmap served by: NAME").
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.Children)]
public sealed class RunCommandTests
{
    private const string ServedByLine = "mmap served by: ";

    /// <summary>
    /// A way of running a program: python's arguments after the interpreter and the working folder (both may use a
    /// temporary folder of the test's own), and stdin.
    /// </summary>
    private sealed record Scenario(
        string Name, Func<ScratchFolder, string[]> Arguments, Func<ScratchFolder, string> WorkingFolder, string Stdin = "", bool PrintsServedBy = true);

    private static string RunFolder => Path.Combine(RepositoryLayout.ScriptsFolder, "run");

    private static readonly string[] s_exitModes =
    [
        "fall-off-the-end",
        "sys.exit(3)",
        "sys.exit(None)",
        "sys.exit(256)",
        "sys.exit('message')",
        "raise SystemExit(-1)",
        "uncaught ValueError",
        "uncaught chained exception",
        "uncaught with a custom sys.excepthook",
        "uncaught KeyboardInterrupt",
        "os._exit(7)",
    ];

    private static IEnumerable<Scenario> Scenarios()
    {
        static string Temporary(ScratchFolder folder) => folder.Path;
        static string Run(ScratchFolder _) => RunFolder;
        yield return new Scenario("script with arguments", _ => [Script("facts.py"), "a", "b c", "--flag", ""], Temporary);
        yield return new Scenario("script by a relative path", _ => [Path.Combine("run", "facts.py"), "x"], _ => RepositoryLayout.ScriptsFolder);
        yield return new Scenario("script in another folder importing its sibling", _ => [Script(Path.Combine("app", "main.py")), "q"], Temporary);
        yield return new Scenario("symbolic link to a script importing the target's sibling", LinkToAppMain, Temporary);
        yield return new Scenario("-m module with arguments", _ => ["-m", "facts", "x", "--y"], Run);
        yield return new Scenario("-m package with __main__", _ => ["-m", "app", "1", "2"], Run);
        yield return new Scenario("-m missing module", _ => ["-m", "no_such_module_here"], Run, PrintsServedBy: false);
        yield return new Scenario("missing script", _ => ["no_such_script.py"], Run, PrintsServedBy: false);
        yield return new Scenario("script with a syntax error", _ => [Script("broken_syntax.py")], Temporary, PrintsServedBy: false);
        yield return new Scenario("stdin to stdout", _ => [Script("echo.py")], Temporary, Stdin: "hello\nmapped world\n");
        foreach (string mode in s_exitModes)
        {
            yield return new Scenario($"exit by {mode}", _ => [Script("exits.py"), mode], Temporary, PrintsServedBy: false);
        }
    }

    // links/main.py -> Scripts/run/app/main.py, run as "links/main.py": python puts the target's folder on sys.path.
    private static string[] LinkToAppMain(ScratchFolder folder)
    {
        string link = Path.Combine(folder.Folder("links"), "main.py");
        File.CreateSymbolicLink(link, Script(Path.Combine("app", "main.py")));
        return [Path.Combine("links", "main.py"), "linked"];
    }

    public static IEnumerable<TestCaseData> ScenarioCases() => TestInterpreters.Cases(Scenarios().Select(s => s.Name));

    [TestCaseSource(nameof(ScenarioCases))]
    public async Task Run_GivesWhatPythonGivesWithMmapServedByMmapnet(string interpreterLabel, string scenarioName)
    {
        Scenario scenario = Scenarios().Single(s => s.Name == scenarioName);
        PythonInterpreter interpreter = TestInterpreters.Get(interpreterLabel);
        using ScratchFolder folder = new("cpython-tests");
        PythonStart start = new() { WorkingDirectory = scenario.WorkingFolder(folder), Stdin = scenario.Stdin, Timeout = TimeSpan.FromSeconds(60) };
        string[] arguments = scenario.Arguments(folder);

        ChildResult plain = await PythonProcess.RunAsync(interpreter, arguments, start);
        ChildResult viaRunner = await PythonProcess.RunAsync(interpreter, new[] { "-m", "mmapnet", "run" }.Concat(arguments), start);

        TestContext.Out.WriteLine($"python {string.Join(" ", arguments)}\n{plain.Describe()}\n");
        TestContext.Out.WriteLine($"python -m mmapnet run {string.Join(" ", arguments)}\n{viaRunner.Describe()}");
        Assert.That(plain.TimedOut || viaRunner.TimedOut, Is.False, "a run timed out");

        (string[]? plainServedBy, string? plainStdout, string? plainStderr) = SplitServedBy(plain);
        (string[]? runnerServedBy, string? runnerStdout, string? runnerStderr) = SplitServedBy(viaRunner);
        Assert.Multiple(() =>
        {
            Assert.That(viaRunner.ExitCode, Is.EqualTo(plain.ExitCode), "exit code");
            Assert.That(runnerStdout, Is.EqualTo(plainStdout), "stdout");
            Assert.That(runnerStderr, Is.EqualTo(plainStderr), "stderr");
            if (scenario.PrintsServedBy)
            {
                Assert.That(plainServedBy, Is.EqualTo(new[] { "mmap" }), "under plain python, import mmap is the stdlib's");
                Assert.That(runnerServedBy, Is.EqualTo(new[] { "mmapnet" }), "under the runner, import mmap is mmapnet");
            }
        });
    }

    public static IEnumerable<TestCaseData> AllInterpreters() => TestInterpreters.Cases();

    [TestCaseSource(nameof(AllInterpreters))]
    public async Task Run_WithoutAProgram_PrintsUsageAndExitsWith2(string interpreterLabel)
    {
        PythonInterpreter interpreter = TestInterpreters.Get(interpreterLabel);
        foreach (string[]? arguments in new[] { new[] { "-m", "mmapnet", "run" }, new[] { "-m", "mmapnet", "run", "-m" } })
        {
            ChildResult result = await PythonProcess.RunAsync(interpreter, arguments);
            Assert.That(result.ExitCode, Is.EqualTo(2), result.Describe());
            Assert.That(result.Stderr, Does.StartWith("usage: python -m mmapnet run"), result.Describe());
        }
    }

    // Every command's -h and --help print its usage on stdout and succeed, as python's own -h does. bench's went through
    // argparse, which %-formats help texts: a "10%%" already formatted once made every --help a TypeError.
    [TestCaseSource(nameof(AllInterpreters))]
    public async Task EveryCommandsHelp_PrintsItsUsageAndExitsWith0(string interpreterLabel)
    {
        PythonInterpreter interpreter = TestInterpreters.Get(interpreterLabel);
        (string Command, string Usage)[] commands =
        [
            ("", "python -m mmapnet run script.py"),
            ("run", "usage: python -m mmapnet run"),
            ("bench", "usage: python -m mmapnet bench"),
            ("bench-import", "usage: python -m mmapnet bench-import"),
            ("info", "usage: python -m mmapnet info"),
        ];
        foreach ((string command, string usage) in commands)
        {
            foreach (string option in new[] { "-h", "--help" })
            {
                string[] arguments = command.Length == 0 ? ["-m", "mmapnet", option] : ["-m", "mmapnet", command, option];
                ChildResult result = await PythonProcess.RunAsync(interpreter, arguments);
                Assert.Multiple(() =>
                {
                    Assert.That(result.ExitCode, Is.EqualTo(0), result.Describe());
                    Assert.That(result.Stdout, Does.Contain(usage), result.Describe());
                    Assert.That(result.Stderr, Is.Empty, result.Describe());
                });
            }
        }
    }

    // A command's wrong arguments are its usage on stderr and exit status 2, never a traceback.
    [TestCaseSource(nameof(AllInterpreters))]
    public async Task WrongArguments_PrintTheUsageOnStderrAndExitWith2(string interpreterLabel)
    {
        PythonInterpreter interpreter = TestInterpreters.Get(interpreterLabel);
        (string[] Arguments, string Usage)[] cases =
        [
            (["info", "extra"], "usage: python -m mmapnet info"),
            (["bench-import", "--python", "/no/such/python"], "usage: python -m mmapnet bench-import"),
            (["bench-import", "--repeat", "0"], "usage: python -m mmapnet bench-import"),
            (["no-such-command"], "unknown command 'no-such-command'"),
        ];
        foreach ((string[] arguments, string usage) in cases)
        {
            ChildResult result = await PythonProcess.RunAsync(interpreter, new[] { "-m", "mmapnet" }.Concat(arguments));
            Assert.Multiple(() =>
            {
                Assert.That(result.ExitCode, Is.EqualTo(2), result.Describe());
                Assert.That(result.Stderr, Does.Contain(usage).And.Not.Contain("Traceback"), result.Describe());
                Assert.That(result.Stdout, Is.Empty, result.Describe());
            });
        }
    }

    private static string Script(string name) => Path.Combine(RunFolder, name);

    // The "mmap served by: NAME" lines of stdout and stderr, and both streams without them.
    private static (string[] ServedBy, string Stdout, string Stderr) SplitServedBy(ChildResult result)
    {
        List<string> servedBy = new();
        string Strip(string text) => string.Join("\n", text.Split('\n').Where(line =>
        {
            if (!line.StartsWith(ServedByLine, StringComparison.Ordinal))
            {
                return true;
            }

            servedBy.Add(line[ServedByLine.Length..]);
            return false;
        }));
        string stdout = Strip(result.Stdout);
        string stderr = Strip(result.Stderr);
        return (servedBy.ToArray(), stdout, stderr);
    }
}
