using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using MmapNet.Conformance.Cli;
using MmapNet.TestSupport;
using NUnit.Framework;
using Spectre.Console;

namespace MmapNet.Conformance.Tests;

/// <summary>The command line, run in-process on the fixture cases.</summary>
[TestFixture]
public sealed class CommandLineTests
{
    [Test]
    public async Task AWrongImplementationExitsWithOneAndWritesTheReport()
    {
        using ScratchFolder folder = new("conformance-tests");
        (int exit, string? output) = await Run(
            "--impl", "wrongmmap", "--cases", TestEnvironment.Layout.FixtureCasesFolder, "-k", "find or neutral",
            "--python", TestEnvironment.Newest.Label, "--no-stdlib-tests", "--report", folder.Path);

        using JsonDocument report = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder.Path, "report.json")));
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(ConformanceCommand.ExitDiffers), output);
            Assert.That(output, Does.Contain("-find from position 2: 3").And.Contain("+find from position 2: 0"));
            Assert.That(output, Does.Contain($"{report.RootElement.GetProperty("results").GetArrayLength() - 1} passed, 1 failed"));
            Assert.That(report.RootElement.GetProperty("implementation").GetString(), Is.EqualTo("wrongmmap"));
            Assert.That(File.Exists(Path.Combine(folder.Path, "report.html")), Is.True);
            Assert.That(File.Exists(Path.Combine(folder.Path, "report.md")), Is.True);
        });
    }

    [Test]
    public async Task MmapAgainstItselfExitsWithZero()
    {
        using ScratchFolder folder = new("conformance-tests");
        (int exit, string? output) = await Run(
            "--impl", "mmap", "--cases", TestEnvironment.Layout.FixtureCasesFolder, "-k", "neutral",
            "--python", TestEnvironment.Newest.Label, "--no-stdlib-tests", "--report", folder.Path);

        Assert.That(exit, Is.EqualTo(ConformanceCommand.ExitConforms), output);
    }

    [Test]
    public async Task ListShowsInterpretersAndSelectedCasesAndRunsNothing()
    {
        (int exit, string? output) = await Run("--list", "--cases", TestEnvironment.Layout.FixtureCasesFolder, "-k", "seek");

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(ConformanceCommand.ExitConforms));
            Assert.That(output, Does.Contain($"interpreter {TestEnvironment.Newest.Label} {TestEnvironment.Newest.ExecutablePath}"));
            Assert.That(output, Does.Contain("case seek/seek_out_of_range_message\ncase seek/seek_out_of_range_uncaught\n"));
            Assert.That(output, Does.Not.Contain("case find/"));
        });
    }

    [TestCase(new[] { "-k", "no_case_has_this_name" }, "matches -k 'no_case_has_this_name'")]
    [TestCase(new[] { "--jobs", "0" }, "--jobs must be at least 1.")]
    [TestCase(new[] { "--timeout", "-1" }, "--timeout must be more than 0 seconds.")]
    [TestCase(new[] { "--python", "9.9" }, "--python 9.9 matches none of the interpreters found")]
    [TestCase(new[] { "--python", "/nonexistent/python3" }, "'/nonexistent/python3', which does not exist.")]
    [TestCase(new[] { "--python", "bundled" }, "--python bundled runs in the host flavour only (--flavour host)")]
    [TestCase(new[] { "--cases", "/nonexistent/cases" }, "The cases folder /nonexistent/cases does not exist.")]
    [TestCase(new[] { "-k", "find or" }, "the expression ends with an operator")]
    [TestCase(new[] { "--no-such-option" }, "--no-such-option")]
    public async Task UsageProblemsExitWithTwoAndSayWhy(string[] arguments, string message)
    {
        // The fixture cases, unless the test is about --cases.
        (int exit, string? output) = await Run(arguments.Contains("--cases")
            ? arguments
            : new[] { "--cases", TestEnvironment.Layout.FixtureCasesFolder }.Concat(arguments).ToArray());

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(ConformanceCommand.ExitUsage));
            Assert.That(output, Does.Contain(message));
        });
    }

    [Test]
    public async Task HelpListsTheOptions()
    {
        (int exit, string? output) = await Run("--help");

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(0));
            foreach (string? option in new[] { "--impl", "--python", "-k", "--cases", "--timeout", "--jobs", "--report", "--python-path", "--no-stdlib-tests" })
            {
                Assert.That(output, Does.Contain(option));
            }
        });
    }

    private static async Task<(int Exit, string Output)> Run(params string[] arguments)
    {
        StringWriter writer = new();
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 200;
        int exit = await ConformanceCommand.RunAsync(arguments, console, CancellationToken.None);
        return (exit, writer.ToString().Replace("\r\n", "\n", System.StringComparison.Ordinal));
    }
}
