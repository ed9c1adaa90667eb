using System.Collections.Generic;
using System.IO;
using MmapNet.Discovery;
using MmapNet.Host.Tool;
using MmapNet.TestSupport;
using NUnit.Framework;

namespace MmapNet.Host.Tests;

/// <summary>mmapnet-host's own command line: options, usage errors, --locate, and its refusals of unusable Pythons.</summary>
[TestFixture]
public sealed class CommandLineTests
{
    [Test]
    public void ScriptAndItsArgumentsIncludingOptionLikeOnes()
    {
        HostCommandLine command = HostCommandLine.Parse(["--python", "/x/libpython3.12.so", "s.py", "-m", "--python", "y"], out _)!;
        Assert.That(command.Python, Is.EqualTo("/x/libpython3.12.so"));
        Assert.That(command.Script, Is.EqualTo("s.py"));
        Assert.That(command.Arguments, Is.EqualTo(new[] { "-m", "--python", "y" }));
    }

    [TestCase(new[] { "-m", "pkg.mod", "a" }, "pkg.mod", new[] { "a" })]
    [TestCase(new[] { "-mpkg", "a", "b" }, "pkg", new[] { "a", "b" })]
    [TestCase(new[] { "--python=/p", "-m", "m" }, "m", new string[0])]
    public void Module(string[] args, string module, string[] arguments)
    {
        HostCommandLine command = HostCommandLine.Parse(args, out _)!;
        Assert.That(command.Module, Is.EqualTo(module));
        Assert.That(command.Arguments, Is.EqualTo(arguments));
        Assert.That(command.Script, Is.Null);
    }

    [TestCase(new string[0], "nothing to run")]
    [TestCase(new[] { "--python" }, "--python needs a value")]
    [TestCase(new[] { "-m" }, "-m needs a module name")]
    [TestCase(new[] { "-c" }, "-c needs a command")]
    [TestCase(new[] { "--bogus", "s.py" }, "unknown option --bogus")]
    public void UsageErrors(string[] args, string error)
    {
        Assert.That(HostCommandLine.Parse(args, out string? message), Is.Null);
        Assert.That(message, Does.StartWith(error));
    }

    [Test]
    public void UsageErrorExitsWithTwo()
    {
        ChildResult result = ChildProcess.Run(RepositoryLayout.HostTool, ["--bogus"]);
        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Stderr, Does.StartWith("mmapnet-host: unknown option --bogus").And.Contain("usage: mmapnet-host"));
    }

    [Test]
    public void HelpExitsWithZero()
    {
        ChildResult result = ChildProcess.Run(RepositoryLayout.HostTool, ["--help"]);
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Stdout, Does.StartWith("usage: mmapnet-host"));
    }

    [Test]
    public void LocateWithNoSettingAtAllFindsThePythonOfThisMachine()
    {
        ChildResult result = ChildProcess.Run(RepositoryLayout.HostTool, ["--locate"], new Dictionary<string, string?> { ["PYTHONNET_PYDLL"] = null });
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Stdout, Does.Match(@"^Python 3\.1[123]\.\d+ \(.*libpython3\.1[123]\.so.*, from .*\)\n$"));
    }

    [Test]
    public void VariableIsHonoured()
    {
        PythonInterpreter interpreter = TestInterpreters.Embeddable[0];
        ChildResult result = ChildProcess.Run(RepositoryLayout.HostTool, ["--locate"], new Dictionary<string, string?> { ["PYTHONNET_PYDLL"] = interpreter.LibPythonPath });
        Assert.That(result.Stdout, Is.EqualTo($"Python {interpreter.Version.ToString(3)} ({interpreter.LibPythonPath}, from PYTHONNET_PYDLL)\n"), result.ToString());
    }

    [Test]
    public void MissingPythonIsRefusedWith125()
    {
        string missing = Path.Combine(Path.GetTempPath(), "no-such-dir-mmapnet", "libpython3.12.so.1.0");
        ChildResult result = ChildProcess.Run(RepositoryLayout.HostTool, ["--python", missing, "x.py"]);
        Assert.That(result.ExitCode, Is.EqualTo(125), result.ToString());
        Assert.That(result.Stderr, Is.EqualTo($"mmapnet-host: Cannot use the Python named by --python '{missing}': does not exist.\n"));
    }

    [Test]
    public void Python310IsRefusedWithTheSupportedVersions()
    {
        PythonInterpreter python310 = TestInterpreters.Python310;
        ChildResult result = ChildProcess.Run(RepositoryLayout.HostTool, ["--python", python310.LibPythonPath!, RepositoryLayout.Script("exit_with.py"), "0"]);
        Assert.That(result.ExitCode, Is.EqualTo(125), result.ToString());
        Assert.That(result.Stderr, Is.EqualTo(
            $"mmapnet-host: Cannot use the Python named by --python '{python310.LibPythonPath}': is Python {python310.Version.ToString(3)}, " +
            $"which pythonnet does not support (it supports Python {PythonLocator.SupportedVersionsText}).\n"));
        Assert.That(result.Stdout, Is.Empty, "nothing ran");
    }

    [Test]
    public void Python310InterpreterIsRefusedToo()
    {
        PythonInterpreter python310 = TestInterpreters.Python310;
        ChildResult result = ChildProcess.Run(RepositoryLayout.HostTool, ["--python", python310.ExecutablePath, "-c", "print('ran')"]);
        Assert.That(result.ExitCode, Is.EqualTo(125), result.ToString());
        Assert.That(result.Stderr, Does.Contain($"is Python {python310.Version.ToString(3)}").And.Contain(PythonLocator.SupportedVersionsText));
        Assert.That(result.Stdout, Is.Empty, "nothing ran");
    }
}
