using System;
using System.Collections.Generic;
using System.Linq;
using MmapNet.Discovery;
using MmapNet.TestSupport;
using NUnit.Framework;

namespace MmapNet.Host.Tests;

/// <summary>
/// mmapnet-host runs scripts and modules as python runs them: every expectation is what the same interpreter printed
/// and exited with when it ran the same program itself.
/// </summary>
[TestFixture]
public sealed class HostProgramTests
{
    private static IEnumerable<TestCaseData> Interpreters() => TestInterpreters.Cases();

    private static IEnumerable<TestCaseData> ExitModes() =>
        from interpreter in TestInterpreters.Embeddable
        from mode in new[] { "none", "0", "3", "263", "-1", "message", "uncaught", "nested-none", "object" }
        select new TestCaseData(interpreter, mode).SetArgDisplayNames(interpreter.Label, mode);

    [TestCaseSource(nameof(Interpreters))]
    public void ScriptSeesArgvPathAndMainAsUnderPython(PythonInterpreter interpreter)
    {
        string[] arguments = ["program_identity.py", "a b", "ünïcode", "--flag", "-m"];
        ChildResult expected = Runs.Python(interpreter, arguments);
        ChildResult actual = Runs.Host(interpreter, arguments);
        AssertSameAs(expected, actual);
        Assert.That(actual.Stdout, Does.Contain("argv ['program_identity.py', 'a b', 'ünïcode', '--flag', '-m']"));
    }

    [TestCaseSource(nameof(Interpreters))]
    public void ScriptByAbsolutePathAsUnderPython(PythonInterpreter interpreter)
    {
        string script = RepositoryLayout.Script("program_identity.py");
        AssertSameAs(Runs.Python(interpreter, script), Runs.Host(interpreter, script));
    }

    [TestCaseSource(nameof(Interpreters))]
    public void ImportMmapGivesMmapnet(PythonInterpreter interpreter)
    {
        ChildResult result = Runs.Host(interpreter, RepositoryLayout.Script("served_by_mmapnet.py"));
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(Runs.Lines(result.Stdout), Is.EqualTo(new[] { "mmap is mmapnet True", "backend dotnet-host", "clr in sys.modules True" }));
    }

    [TestCaseSource(nameof(Interpreters))]
    public void ModuleRunsAsUnderPythonDashM(PythonInterpreter interpreter)
    {
        string[] arguments = ["-m", "module_main", "x", "--y"];
        ChildResult expected = Runs.Python(interpreter, arguments);
        ChildResult actual = Runs.Host(interpreter, arguments);
        AssertSameAs(expected, actual);
        Assert.That(actual.Stdout, Does.Contain("name __main__"));
    }

    [TestCaseSource(nameof(Interpreters))]
    public void CommandRunsAsUnderPythonDashC(PythonInterpreter interpreter)
    {
        string[] arguments = ["-c", "import sys; print(sys.argv, repr(sys.path[0]), __name__); raise SystemExit(4)", "x", "-y"];
        AssertSameAs(Runs.Python(interpreter, arguments), Runs.Host(interpreter, arguments));
    }

    [TestCaseSource(nameof(Interpreters))]
    public void MissingModuleFailsAsUnderPythonDashM(PythonInterpreter interpreter)
    {
        ChildResult expected = Runs.Python(interpreter, "-m", "no_such_module_here");
        ChildResult actual = Runs.Host(interpreter, "-m", "no_such_module_here");
        AssertSameAs(expected, actual);
        Assert.That(actual.ExitCode, Is.EqualTo(1));
    }

    [TestCaseSource(nameof(ExitModes))]
    public void ExitStatusAndMessageAsUnderPython(PythonInterpreter interpreter, string mode)
    {
        ChildResult expected = Runs.Python(interpreter, "exit_with.py", mode);
        ChildResult actual = Runs.Host(interpreter, "exit_with.py", mode);
        AssertSameAs(expected, actual);
    }

    [TestCaseSource(nameof(Interpreters))]
    public void UncaughtExceptionIsPrintedAsPythonPrintsItAndExitsWithOne(PythonInterpreter interpreter)
    {
        ChildResult expected = Runs.Python(interpreter, "uncaught_chain.py");
        ChildResult actual = Runs.Host(interpreter, "uncaught_chain.py");
        AssertSameAs(expected, actual);
        Assert.That(actual.ExitCode, Is.EqualTo(1));
        Assert.That(actual.Stderr, Does.Contain("The above exception was the direct cause of the following exception:"));
        Assert.That(actual.Stderr, Does.Not.Contain("_host.py").And.Not.Contain("_pymain.py").And.Not.Contain("runpy"), "no frame of the host's own");
    }

    [TestCaseSource(nameof(Interpreters))]
    public void SyntaxErrorIsPrintedWithoutTraceback(PythonInterpreter interpreter)
    {
        ChildResult expected = Runs.Python(interpreter, "syntax_error.py");
        ChildResult actual = Runs.Host(interpreter, "syntax_error.py");
        AssertSameAs(expected, actual);
        Assert.That(actual.Stderr, Does.Not.Contain("Traceback"));
    }

    [TestCaseSource(nameof(Interpreters))]
    public void MissingScriptFailsWithTwoAsUnderPython(PythonInterpreter interpreter)
    {
        ChildResult expected = Runs.Python(interpreter, "no_such_script.py");
        ChildResult actual = Runs.Host(interpreter, "no_such_script.py");
        Assert.That(actual.ExitCode, Is.EqualTo(expected.ExitCode).And.EqualTo(2), actual.ToString());
        // python names itself first; the host names itself.
        Assert.That(actual.Stderr, Is.EqualTo(expected.Stderr.Replace(interpreter.ExecutablePath, "mmapnet-host", StringComparison.Ordinal)));
    }

    [TestCaseSource(nameof(Interpreters))]
    public void ExitWaitsForThreadsRunsAtexitAndFlushesWithoutHanging(PythonInterpreter interpreter)
    {
        ChildResult expected = Runs.Python(interpreter, "finish_at_exit.py");
        ChildResult actual = Runs.Host(interpreter, "finish_at_exit.py");
        AssertSameAs(expected, actual);
        Assert.That(Runs.Lines(actual.Stdout), Is.EqualTo(new[] { "buffered, not flushed", "non-daemon thread finished", "atexit callback ran" }));
    }

    [TestCaseSource(nameof(Interpreters))]
    public void CtrlCInterruptsTheScriptWithKeyboardInterruptAndEndsBySigint(PythonInterpreter interpreter)
    {
        ChildResult expected = ChildProcess.RunAndInterrupt(interpreter.ExecutablePath, [RepositoryLayout.Script("sleep_until_interrupted.py")]);
        ChildResult actual = ChildProcess.RunAndInterrupt(RepositoryLayout.HostTool, Runs.HostArguments(interpreter, RepositoryLayout.Script("sleep_until_interrupted.py")));
        AssertSameAs(expected, actual);
        Assert.That(actual.ExitCode, Is.EqualTo(128 + 2), "killed by SIGINT, as python");
        Assert.That(actual.LastErrorLine, Is.EqualTo("KeyboardInterrupt"));
        Assert.That(actual.Stdout, Does.Not.Contain("not interrupted"));
    }

    [TestCaseSource(nameof(Interpreters))]
    public void CtrlCCanBeCaughtByTheScript(PythonInterpreter interpreter)
    {
        ChildResult expected = ChildProcess.RunAndInterrupt(interpreter.ExecutablePath, [RepositoryLayout.Script("catch_interrupt.py")]);
        ChildResult actual = ChildProcess.RunAndInterrupt(RepositoryLayout.HostTool, Runs.HostArguments(interpreter, RepositoryLayout.Script("catch_interrupt.py")));
        AssertSameAs(expected, actual);
        Assert.That(actual.ExitCode, Is.Zero);
    }

    [TestCaseSource(nameof(Interpreters))]
    public void SigtermEndsTheHostAtOnceAsPython(PythonInterpreter interpreter)
    {
        ChildResult expected = ChildProcess.RunAndTerminate(interpreter.ExecutablePath, [RepositoryLayout.Script("sleep_until_interrupted.py")]);
        ChildResult actual = ChildProcess.RunAndTerminate(RepositoryLayout.HostTool, Runs.HostArguments(interpreter, RepositoryLayout.Script("sleep_until_interrupted.py")));
        Assert.That(actual.ExitCode, Is.EqualTo(expected.ExitCode).And.EqualTo(128 + 15), actual.ToString());
        Assert.That(actual.Stdout, Does.Not.Contain("not interrupted"));
    }

    [TestCaseSource(nameof(Interpreters))]
    public void InterpreterExecutableWorksAsWellAsTheLibrary(PythonInterpreter interpreter)
    {
        ChildResult expected = Runs.Python(interpreter, "program_identity.py");
        ChildResult actual = ChildProcess.Run(RepositoryLayout.HostTool, ["--python", interpreter.ExecutablePath, "program_identity.py"]);
        AssertSameAs(expected, actual);
    }

    private static void AssertSameAs(ChildResult expected, ChildResult actual)
    {
        Assert.Multiple(() =>
        {
            Assert.That(actual.Stdout, Is.EqualTo(expected.Stdout), $"stdout\nhost: {actual}\npython: {expected}");
            Assert.That(actual.Stderr, Is.EqualTo(expected.Stderr), $"stderr\nhost: {actual}\npython: {expected}");
            Assert.That(actual.ExitCode, Is.EqualTo(expected.ExitCode), $"exit status\nhost: {actual}\npython: {expected}");
        });
    }
}
