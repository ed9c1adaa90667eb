using System.Collections.Generic;
using System.IO;
using MmapNet.Discovery;
using NUnit.Framework;

namespace MmapNet.Host.Tests;

/// <summary>The README's examples are the files in tests/examples/, shown as they are, and they do what the README says.</summary>
[TestFixture]
public sealed class ReadmeExampleTests
{
    private const string EmbeddingExample = "tests/examples/MmapNet.Examples.Embedding/Program.cs";
    private const string PythonExample = "tests/examples/python/call_dotnet.py";
    private const string LibraryExample = "tests/examples/MmapNet.Examples.Library/Checksum.cs";

    private static IEnumerable<TestCaseData> Interpreters() => TestInterpreters.Cases();

    private static IEnumerable<TestCaseData> FlavourCases() => TestInterpreters.FlavourCases();

    private static string Readme => File.ReadAllText(Path.Combine(TestLayout.RepositoryRoot, "src", "MmapNet.Host", "README.md"));

    [TestCase(EmbeddingExample, "csharp")]
    [TestCase(PythonExample, "python")]
    [TestCase(LibraryExample, "csharp")]
    public void ReadmeShowsTheExampleAsItIs(string file, string language)
    {
        string source = File.ReadAllText(Path.Combine(TestLayout.RepositoryRoot, file));
        Assert.That(Readme, Does.Contain($"`{file}`"), "the README names the file");
        Assert.That(Readme, Does.Contain($"```{language}\n{source}```\n"), "the README shows the file's exact content");
    }

    [TestCaseSource(nameof(Interpreters))]
    public void DotnetCreatesAMapAndPythonChangesIt(PythonInterpreter interpreter)
    {
        string program = Path.Combine(TestLayout.BuildOutput("MmapNet.Examples.Embedding"), "MmapNet.Examples.Embedding");
        ChildResult result = ChildProcess.Run(program, [interpreter.LibPythonPath!]);
        Assert.That(result.Stdout, Is.EqualTo("temperature=22;humidity=40\n"), result.ToString());
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
    }

    [TestCaseSource(nameof(FlavourCases))]
    public void PythonPassesItsMapToDotnet(PythonInterpreter interpreter, Flavour flavour)
    {
        string script = Path.Combine(TestLayout.RepositoryRoot, PythonExample);
        string library = Path.Combine(TestLayout.BuildOutput("MmapNet.Examples.Library"), "MmapNet.Examples.Library.dll");
        ChildResult result = flavour == Flavour.Host
            ? Runs.Host(interpreter, script, library)
            : Runs.StockPython(interpreter, script, library);
        Assert.That(Runs.Lines(result.Stdout), Is.EqualTo(new[]
        {
            "sum computed in C#: 1706",
            "read in Python: b'written by C#'",
        }), result.ToString());
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
    }
}
